// Package replace replaces the defaults from a library.
package replace

import (
	"net/http"
	"time"
)

func Install(rt http.RoundTripper) {
	http.DefaultTransport = rt // want `assignment to http.DefaultTransport outside package main \(replaces the transport of every client without its own\)`
}

func InstallClient() {
	http.DefaultClient = &http.Client{Timeout: time.Second} // want `assignment to http.DefaultClient outside package main \(replaces the client of http.Get, http.Post and every other user of it\)`
}

// Own keeps its transport to itself.
var Own = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}

func Use() http.RoundTripper {
	rt := http.DefaultTransport
	return rt
}
