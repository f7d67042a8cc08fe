// Package promhttp is a stub of the Prometheus HTTP instrumentation: the
// shapes of the InstrumentRoundTripper functions as v1.25.0 has them.
package promhttp

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

type Option interface{}

type RoundTripperFunc func(req *http.Request) (*http.Response, error)

func (rt RoundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return rt(r) }

func InstrumentRoundTripperInFlight(gauge prometheus.Gauge, next http.RoundTripper) RoundTripperFunc {
	return func(r *http.Request) (*http.Response, error) {
		gauge.Inc()
		defer gauge.Dec()
		return next.RoundTrip(r)
	}
}

func InstrumentRoundTripperCounter(counter *prometheus.CounterVec, next http.RoundTripper, opts ...Option) RoundTripperFunc {
	return func(r *http.Request) (*http.Response, error) { return next.RoundTrip(r) }
}
