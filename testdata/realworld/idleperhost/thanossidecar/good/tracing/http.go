// Package tracing stands for thanos-io/thanos's pkg/tracing:
// HTTPTripperware wraps a RoundTripper so that every request of a client
// gets a client span, and sends it on through the wrapped RoundTripper
// unchanged. The OpenTracing tracer is left out.
package tracing

import (
	"log"
	"net/http"
)

type tripperware struct {
	logger *log.Logger
	next   http.RoundTripper
}

// RoundTrip traces r and sends it through the wrapped RoundTripper.
func (t *tripperware) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.logger != nil {
		t.logger.Printf("span start: %s %s", r.Method, r.URL.Path)
	}
	return t.next.RoundTrip(r)
}

// HTTPTripperware returns next wrapped in a client span per request.
func HTTPTripperware(logger *log.Logger, next http.RoundTripper) http.RoundTripper {
	return &tripperware{logger: logger, next: next}
}
