// Package otelhttp is a stub of OpenTelemetry's HTTP instrumentation: the
// shape of NewTransport as v0.72.0 has it.
package otelhttp

import "net/http"

type Option interface{}

type Transport struct{ rt http.RoundTripper }

func NewTransport(base http.RoundTripper, opts ...Option) *Transport {
	if base == nil {
		base = http.DefaultTransport
	}
	return &Transport{rt: base}
}

func (t *Transport) RoundTrip(r *http.Request) (*http.Response, error) { return t.rt.RoundTrip(r) }
