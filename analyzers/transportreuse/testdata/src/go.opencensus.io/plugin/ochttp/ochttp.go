// Package ochttp is a stub of OpenCensus's HTTP plugin: its Transport, whose
// RoundTrip sends through Base.
package ochttp

import "net/http"

type Transport struct {
	Base http.RoundTripper
}

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.Base.RoundTrip(req)
}
