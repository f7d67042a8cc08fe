// Package protocols gives per-request transports to the calls that only
// set their protocols: those keep them nowhere.
package protocols

import (
	"net/http"

	"golang.org/x/net/http2"
)

// http2.ConfigureTransport turns HTTP/2 on; the transport is still dropped.
func Fetch(w http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{} // want `http.Transport created on every request handled by Fetch`
	if err := http2.ConfigureTransport(tr); err != nil {
		return
	}
	resp, err := (&http.Client{Transport: tr}).Get("https://backend.example/")
	if err == nil {
		resp.Body.Close()
	}
}

// Good twin: the HTTP/2 transport is configured once.
var shared = newShared()

func newShared() *http.Transport {
	tr := &http.Transport{}
	if err := http2.ConfigureTransport(tr); err != nil {
		panic(err)
	}
	return tr
}

func FetchShared(w http.ResponseWriter, r *http.Request) {
	resp, err := (&http.Client{Transport: shared}).Get("https://backend.example/")
	if err == nil {
		resp.Body.Close()
	}
}

// Kept: ConfigureTransports returns the HTTP/2 transport, which holds it.
var h2 *http2.Transport

func FetchKept(w http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{}
	t2, err := http2.ConfigureTransports(tr)
	if err != nil {
		return
	}
	h2 = t2
	resp, err := (&http.Client{Transport: tr}).Get("https://backend.example/")
	if err == nil {
		resp.Body.Close()
	}
}
