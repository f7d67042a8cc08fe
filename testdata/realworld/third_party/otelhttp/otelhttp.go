// Package otelhttp is a stand-in for OpenTelemetry's HTTP instrumentation,
// with the shape of its NewTransport: a RoundTripper that holds the inner
// transport for as long as it lives itself.
package otelhttp

import "net/http"

// Transport wraps an inner RoundTripper.
type Transport struct {
	rt http.RoundTripper
}

// NewTransport wraps base.
func NewTransport(base http.RoundTripper) *Transport {
	if base == nil {
		base = http.DefaultTransport
	}
	return &Transport{rt: base}
}

// RoundTrip sends req through the inner transport.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.rt.RoundTrip(req)
}
