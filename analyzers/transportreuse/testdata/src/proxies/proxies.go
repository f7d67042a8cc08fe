// Package proxies holds reverse proxies that are given a transport made
// for the request they serve.
package proxies

import (
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"
)

// A handler builds a transport per request and hands it to the proxy it
// makes for the request: the proxy, and the pool, die with the request.
type perRequest struct{ target *url.URL }

func (h *perRequest) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rp := httputil.NewSingleHostReverseProxy(h.target)
	rp.Transport = &http.Transport{} // want `http.Transport created on every request handled by perRequest.ServeHTTP`
	rp.ServeHTTP(w, r)
}

// The same through a constructor of the package and a proxy literal.
func newTransport(timeout time.Duration) *http.Transport {
	return &http.Transport{ResponseHeaderTimeout: timeout}
}

type literal struct{ target *url.URL }

func (h literal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	transport := newTransport(time.Second) // want `newTransport\(\) creates an http.Transport on every request handled by literal.ServeHTTP`
	rp := &httputil.ReverseProxy{
		Rewrite:   func(pr *httputil.ProxyRequest) { pr.SetURL(h.target) },
		Transport: transport,
	}
	rp.ServeHTTP(w, r)
}

// Good twin: one transport per target, kept in a map of the handler.
type pooled struct {
	target     *url.URL
	mu         sync.Mutex
	transports map[string]*http.Transport
}

func (h *pooled) transport(key string) *http.Transport {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t, ok := h.transports[key]; ok {
		return t
	}
	t := newTransport(time.Second)
	h.transports[key] = t
	return t
}

func (h *pooled) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rp := httputil.NewSingleHostReverseProxy(h.target)
	rp.Transport = h.transport(r.Host)
	rp.ServeHTTP(w, r)
}

// Good twin: the proxy and its transport are made once, at startup.
type once struct{ rp *httputil.ReverseProxy }

func newOnce(target *url.URL) *once {
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.Transport = newTransport(time.Second)
	return &once{rp: rp}
}

func (h *once) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.rp.ServeHTTP(w, r) }

// Good twin: the per-request proxy is kept by the handler, with its
// transport.
type cached struct {
	target *url.URL
	rp     *httputil.ReverseProxy
}

func (h *cached) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.rp == nil {
		rp := httputil.NewSingleHostReverseProxy(h.target)
		rp.Transport = &http.Transport{}
		h.rp = rp
	}
	h.rp.ServeHTTP(w, r)
}

// Good twin: a package-level transport shared by per-request proxies.
var shared = &http.Transport{}

type sharing struct{ target *url.URL }

func (h sharing) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rp := httputil.NewSingleHostReverseProxy(h.target)
	rp.Transport = shared
	rp.ServeHTTP(w, r)
}

// A helper of the package makes the proxy with its transport; the handler
// calls it for every request.
func newProxy(target *url.URL) *httputil.ReverseProxy {
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.Transport = http.DefaultTransport.(*http.Transport).Clone()
	return rp
}

type viaHelper struct{ target *url.URL }

func (h viaHelper) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	newProxy(h.target).ServeHTTP(w, r) // want `newProxy\(\) creates an http.Transport on every request handled by viaHelper.ServeHTTP`
}

// Good twin: the helper's proxy is made once and kept.
type viaHelperOnce struct{ rp *httputil.ReverseProxy }

func NewViaHelperOnce(target *url.URL) http.Handler { return &viaHelperOnce{rp: newProxy(target)} }

func (h *viaHelperOnce) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.rp.ServeHTTP(w, r) }
