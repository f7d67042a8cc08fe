// Package wrapped wraps fresh transports in well-known RoundTrippers of
// other packages, which hold the inner transport only as long as
// themselves.
package wrapped

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opencensus.io/plugin/ochttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"golang.org/x/oauth2"
	"k8s.io/client-go/transport"
)

type Exporter struct {
	host    string
	timeout time.Duration
	client  *http.Client
}

// A clone of DefaultTransport wrapped in otelhttp for one call.
func (e *Exporter) Get(path string) error {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned on every call to Exporter.Get`
	c := &http.Client{Timeout: e.timeout, Transport: otelhttp.NewTransport(tr)}
	resp, err := c.Get(e.host + path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Good twin: the wrapped transport is made once, in the constructor.
func NewExporter(host string) *Exporter {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	return &Exporter{host: host, client: &http.Client{Transport: otelhttp.NewTransport(tr)}}
}

func (e *Exporter) GetShared(path string) error {
	resp, err := e.client.Get(e.host + path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var inFlight prometheus.Gauge

// promhttp's wrappers, nested, and the wrapper's own RoundTrip.
func Instrumented(req *http.Request) error {
	rt := promhttp.InstrumentRoundTripperCounter(nil, promhttp.InstrumentRoundTripperInFlight(inFlight, &http.Transport{})) // want `http.Transport created on every call to Instrumented`
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// oauth2.Transport as a struct literal, and client-go's wrapper.
func Authorized(ts oauth2.TokenSource, token, u string) error {
	base := &http.Transport{} // want `http.Transport created on every call to Authorized`
	c := &http.Client{Transport: &oauth2.Transport{Source: ts, Base: transport.NewBearerAuthRoundTripper(token, base)}}
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Good twin: the wrapper is kept in a package variable.
var kept http.RoundTripper

func AuthorizedKept(ts oauth2.TokenSource, u string) error {
	if kept == nil {
		kept = &oauth2.Transport{Source: ts, Base: &http.Transport{}}
	}
	resp, err := (&http.Client{Transport: kept}).Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Good twin: a function of another package outside the table may keep
// what it is given.
func Registered(register func(http.RoundTripper) http.RoundTripper, u string) error {
	resp, err := (&http.Client{Transport: register(&http.Transport{})}).Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The inner transport read back from the wrapper's Base, which holds it
// as long as the wrapper does.
func ReadBack(ts oauth2.TokenSource, u string) error {
	t := &oauth2.Transport{Source: ts, Base: &http.Transport{}} // want `http.Transport created on every call to ReadBack`
	resp, err := (&http.Client{Transport: t.Base}).Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Good twin: read back and kept in a package variable, on the first call.
func ReadBackKept(ts oauth2.TokenSource, u string) error {
	t := &oauth2.Transport{Source: ts, Base: &http.Transport{}}
	if kept == nil {
		kept = t.Base
	}
	resp, err := (&http.Client{Transport: kept}).Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ochttp.Transport as a struct literal.
func Traced(u string) error {
	c := &http.Client{Transport: &ochttp.Transport{Base: &http.Transport{}}} // want `http.Transport created on every call to Traced`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Good twin: made once.
var traced = &http.Client{Transport: &ochttp.Transport{Base: &http.Transport{}}}

func TracedShared(u string) error {
	resp, err := traced.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
