// Package wrappers passes transports and clients to helpers and wrappers.
package wrappers

import (
	"context"
	"net/http"
	"net/http/httputil"
	"net/url"
)

// do sends one request through whatever client it is given.
func do(c *http.Client, url string) (*http.Response, error) { return c.Get(url) }

func ViaHelper(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to ViaHelper`
	return do(c, url)
}

// ViaHelperInLoop sends many requests through the helper: reused.
func ViaHelperInLoop(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, u := range urls {
		do(c, u)
	}
}

// A closure called in a loop reuses the transport it captures.
func ViaClosure(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	get := func(u string) { c.Get(u) }
	for _, u := range urls {
		get(u)
	}
}

func ViaClosureOnce(url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to ViaClosureOnce`
	get := func(u string) { c.Get(u) }
	get(url)
}

// logging wraps a transport: the wrapper lives as long as the transport
// inside, so a wrapper made per call is a transport made per call.
type logging struct{ next http.RoundTripper }

func (l logging) RoundTrip(r *http.Request) (*http.Response, error) { return l.next.RoundTrip(r) }

func Wrapped(url string) (*http.Response, error) {
	c := &http.Client{Transport: logging{next: &http.Transport{}}} // want `created on every call to Wrapped`
	return c.Get(url)
}

// A wrapper kept in a package variable keeps its transport.
var wrapped = logging{next: &http.Transport{}}

func WrappedKept(url string) (*http.Response, error) {
	return (&http.Client{Transport: wrapped}).Get(url)
}

// A reverse proxy made for one call holds its transport only as long as
// itself (see scenario proxies).
func HandedOff(target *url.URL, w http.ResponseWriter, r *http.Request) {
	p := httputil.NewSingleHostReverseProxy(target)
	p.Transport = &http.Transport{} // want `http.Transport created on every call to HandedOff`
	p.ServeHTTP(w, r)
}

// Another package's function may keep what it is given.

func PassedOn(ctx context.Context, url string, send func(*http.Client) error) error {
	return send(&http.Client{Transport: &http.Transport{}})
}

// configure is a builder step that returns what it is given: what it
// returns to Builder is Builder's own transport.
func configure(t *http.Transport) *http.Transport {
	t.MaxIdleConnsPerHost = 10
	return t
}

func Builder(url string) (*http.Response, error) {
	t := configure(&http.Transport{}) // want `http.Transport created on every call to Builder`
	return (&http.Client{Transport: t}).Get(url)
}

// A convenience constructor that hands its client to the package's
// general one, which wraps it and returns the wrapper; the wrapper is
// made for one check.
type API struct {
	base string
	hc   *http.Client
}

func NewAPIWithClient(base string, hc *http.Client) *API { return &API{base: base, hc: hc} }

func NewAPI(base string) *API {
	return NewAPIWithClient(base, &http.Client{Transport: &http.Transport{}})
}

func (a *API) Ping() error {
	resp, err := a.hc.Get(a.base + "/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Check(base string) error {
	return NewAPI(base).Ping() // want `NewAPI\(\) creates an http.Transport on every call to Check`
}

// The same constructors, the API made once and kept: quiet.
var api = NewAPI("http://api.internal")

func CheckShared() error { return api.Ping() }

// The general constructor given a client the caller keeps: quiet.
var shared = &http.Client{Transport: &http.Transport{}}

func CheckWith(base string) error { return NewAPIWithClient(base, shared).Ping() }

// A client copied from a shared one, with its own clone of the transport.
var base = &http.Client{Transport: &http.Transport{}}

func Copied(req *http.Request) (*http.Response, error) {
	c := *base
	c.Transport = base.Transport.(*http.Transport).Clone() // want `cloned on every call to Copied`
	return c.Do(req)
}

// A client stored by value in a struct field is kept, but stored there on
// every call that sends, it replaces the last one.
type holder struct{ c http.Client }

func (h *holder) Set() {
	h.c = http.Client{Transport: &http.Transport{}} // want `created on every call to holder.Set, replacing the previous one`
	h.c.Get("http://x")
}

func (h *holder) Keep() {
	h.c = http.Client{Transport: &http.Transport{}}
}
