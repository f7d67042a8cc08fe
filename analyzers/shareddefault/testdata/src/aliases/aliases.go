// Package aliases writes to the defaults through values that hold them.
package aliases

import (
	"net/http"
	"time"
)

func Local() *http.Client {
	t := http.DefaultTransport.(*http.Transport)
	t.MaxIdleConnsPerHost = 50 // want `assignment to t.MaxIdleConnsPerHost changes http.DefaultTransport`
	return &http.Client{Transport: t}
}

func LocalClone() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 50
	return &http.Client{Transport: t}
}

func CommaOK() {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t.DisableKeepAlives = true // want `assignment to t.DisableKeepAlives changes http.DefaultTransport`
	}
}

func CommaOKClone() *http.Transport {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		c := t.Clone()
		c.DisableKeepAlives = true
		return c
	}
	return nil
}

func Interface() {
	var rt http.RoundTripper = http.DefaultTransport
	rt.(*http.Transport).IdleConnTimeout = time.Second // want `IdleConnTimeout changes http.DefaultTransport`
}

func InterfaceOwn() {
	var rt http.RoundTripper = &http.Transport{}
	rt.(*http.Transport).IdleConnTimeout = time.Second
}

func Closure() func() {
	t := http.DefaultTransport.(*http.Transport)
	return func() {
		t.MaxIdleConns = 1 // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
	}
}

func ClosureClone() func() {
	t := http.DefaultTransport.(*http.Transport).Clone()
	return func() { t.MaxIdleConns = 1 }
}

type Pool struct {
	t *http.Transport
	c *http.Client
}

func NewPool() *Pool {
	return &Pool{t: http.DefaultTransport.(*http.Transport), c: http.DefaultClient}
}

func (p *Pool) Tune() {
	p.t.MaxIdleConnsPerHost = 10 // want `assignment to p.t.MaxIdleConnsPerHost changes http.DefaultTransport`
	p.c.Timeout = time.Minute    // want `assignment to p.c.Timeout changes http.DefaultClient`
}

type OwnPool struct {
	t *http.Transport
	c *http.Client
}

func NewOwnPool() *OwnPool {
	return &OwnPool{t: http.DefaultTransport.(*http.Transport).Clone(), c: &http.Client{}}
}

func (p *OwnPool) Tune() {
	p.t.MaxIdleConnsPerHost = 10
	p.c.Timeout = time.Minute
}

var shared = http.DefaultTransport.(*http.Transport)

func Global() {
	shared.ResponseHeaderTimeout = time.Second // want `assignment to shared.ResponseHeaderTimeout changes http.DefaultTransport`
}

var own = http.DefaultTransport.(*http.Transport).Clone()

func GlobalClone() {
	own.ResponseHeaderTimeout = time.Second
}

func tune(t *http.Transport) {
	t.MaxIdleConnsPerHost = 20 // want `assignment to t.MaxIdleConnsPerHost changes http.DefaultTransport`
}

func Param() { tune(http.DefaultTransport.(*http.Transport)) }

func tuneOwn(t *http.Transport) { t.MaxIdleConnsPerHost = 20 }

func ParamClone() { tuneOwn(http.DefaultTransport.(*http.Transport).Clone()) }

// Configure is exported: other packages may pass it anything, but this
// package passes it the default.
func Configure(t *http.Transport) {
	t.ExpectContinueTimeout = 0 // want `assignment to t.ExpectContinueTimeout changes http.DefaultTransport`
}

func ConfigureDefault() { Configure(http.DefaultTransport.(*http.Transport)) }

// ConfigureAny is only ever given transports by other packages.
func ConfigureAny(t *http.Transport) { t.ExpectContinueTimeout = 0 }

func transport() *http.Transport { return http.DefaultTransport.(*http.Transport) }

func Result() {
	transport().ForceAttemptHTTP2 = false // want `assignment to transport\(\).ForceAttemptHTTP2 changes http.DefaultTransport`
}

func fresh() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }

func ResultClone() { fresh().ForceAttemptHTTP2 = false }

func Fallback(c *http.Client) {
	if c == nil {
		c = http.DefaultClient
	}
	c.Timeout = 5 * time.Second // want `assignment to c.Timeout changes http.DefaultClient`
}

func FallbackOwn(c *http.Client) {
	if c == nil {
		c = &http.Client{}
	}
	c.Timeout = 5 * time.Second
}

func FallbackTransport(rt http.RoundTripper) {
	if rt == nil {
		rt = http.DefaultTransport
	}
	if t, ok := rt.(*http.Transport); ok {
		t.MaxIdleConns = 10 // want `assignment to t.MaxIdleConns changes http.DefaultTransport`
	}
}

func FallbackTransportClone(rt http.RoundTripper) {
	if rt == nil {
		rt = http.DefaultTransport.(*http.Transport).Clone()
	}
	if t, ok := rt.(*http.Transport); ok {
		t.MaxIdleConns = 10
	}
}

type Embedded struct{ *http.Transport }

func Embed() {
	e := Embedded{http.DefaultTransport.(*http.Transport)}
	e.MaxIdleConns = 5 // want `assignment to e.MaxIdleConns changes http.DefaultTransport`
}

func EmbedClone() {
	e := Embedded{http.DefaultTransport.(*http.Transport).Clone()}
	e.MaxIdleConns = 5
}
