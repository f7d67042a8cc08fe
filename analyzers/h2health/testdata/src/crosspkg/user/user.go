package user

import (
	"crosspkg/lib"
	"net/http"

	"golang.org/x/net/http2"
)

// The transport is made here and handed to lib, which may configure it.
func handedToLib() *http.Transport {
	t := &http.Transport{}
	http2.ConfigureTransport(t)
	lib.Tune(t)
	return t
}

// lib's transport turned on here: lib may have set a health check.
func fromLib() *http.Transport {
	t := lib.NewTransportGood()
	http2.ConfigureTransport(t)
	return t
}

func own() *http.Transport {
	t := &http.Transport{}
	http2.ConfigureTransport(t) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
	return t
}
