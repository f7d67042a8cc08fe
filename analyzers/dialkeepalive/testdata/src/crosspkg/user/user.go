// Package user gets dialers and transports from lib.
package user

import (
	"crosspkg/lib"
	"net/http"
	"time"
)

// The dialer's KeepAlive is set in lib: not seen here.
func fromLib() *http.Transport {
	return &http.Transport{DialContext: lib.NewDialer().DialContext}
}

// A dialer from lib, tuned here and fed to a transport here.
func tuned() *http.Transport {
	d := lib.NewDialer()
	d.KeepAlive = 30 * time.Second // want `never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

func tunedGood() *http.Transport {
	d := lib.NewDialer()
	d.KeepAlive = 30 * time.Second
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: time.Minute}
}

// A transport from lib inherits lib's IdleConnTimeout: unknown here.
func libTransport() *http.Transport {
	t := lib.NewTransportGood()
	d := lib.NewDialer()
	d.KeepAlive = 30 * time.Second
	t.DialContext = d.DialContext
	return t
}
