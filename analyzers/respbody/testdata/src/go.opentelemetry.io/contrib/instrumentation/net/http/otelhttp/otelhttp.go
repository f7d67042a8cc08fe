// Package otelhttp stands for OpenTelemetry's HTTP instrumentation: a
// NewTransport that sends every request through the RoundTripper it
// wraps (v0.72.0 keeps it in a field and calls its RoundTrip).
package otelhttp

import "net/http"

type instrumented struct{ next http.RoundTripper }

func (t instrumented) RoundTrip(r *http.Request) (*http.Response, error) { return t.next.RoundTrip(r) }

func NewTransport(base http.RoundTripper) http.RoundTripper { return instrumented{base} }
