// Package lib makes clients for other packages.
package lib

import (
	"net/http"
	"time"
)

// NewClient returns a client with its own transport: judged where it is
// called in this package, not in others (no facts).
func NewClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

// Base is shared; its clones are fresh transports.
var Base = &http.Transport{}

func Get(url string) (*http.Response, error) {
	return NewClient().Get(url) // want `NewClient\(\) creates an http.Transport on every call to Get`
}

var shared = NewClient()

func GetGood(url string) (*http.Response, error) {
	return shared.Get(url)
}

// NewTransport is a constructor: a New... function returning an
// *http.Transport.
func NewTransport(idle time.Duration) *http.Transport {
	return &http.Transport{IdleConnTimeout: idle}
}

// NewTuned takes a transport and may return it.
func NewTuned(t *http.Transport) *http.Transport {
	t.MaxIdleConnsPerHost = 8
	return t
}
