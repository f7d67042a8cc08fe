// Package bad is the shape of caddy v2's reverse_proxy handler
// (modules/caddyhttp/reverseproxy) before PR #2809 (issue #2805, October
// 2019): when no transport is configured, Provision makes an HTTPTransport
// whose default KeepAlive sets a probe interval and an idle timeout but no
// MaxIdleConnsPerHost, so the http.Transport it provisions keeps 2 idle
// connections per upstream. Every request the server handles, concurrently,
// is forwarded through it, usually to one upstream, so under load almost
// every connection was closed after its request and the proxy's latency
// went to the new connections.
package bad

import (
	"context"
	"io"
	"math/rand"
	"net/http"
	"time"
)

// Handler proxies requests to one of its upstreams.
type Handler struct {
	Upstreams []string
	Transport http.RoundTripper
}

// Provision sets up the default transport.
func (h *Handler) Provision() error {
	if h.Transport == nil {
		t := &HTTPTransport{
			KeepAlive: &KeepAlive{
				ProbeInterval:   30 * time.Second,
				IdleConnTimeout: 2 * time.Minute,
			},
			DialTimeout: 10 * time.Second,
		}
		if err := t.Provision(); err != nil {
			return err
		}
		h.Transport = t
	}
	return nil
}

// ServeHTTP forwards r to an upstream chosen at random.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	upstream := h.Upstreams[rand.Intn(len(h.Upstreams))]
	outreq := r.Clone(context.WithValue(r.Context(), dialInfoKey{}, upstream))
	outreq.RequestURI = ""
	outreq.URL.Scheme = "http"
	outreq.URL.Host = upstream
	res, err := h.Transport.RoundTrip(outreq)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer res.Body.Close()
	for k, v := range res.Header {
		w.Header()[k] = v
	}
	w.WriteHeader(res.StatusCode)
	_, _ = io.Copy(w, res.Body)
}

// Serve runs the proxy on addr.
func Serve(addr string, upstreams []string) error {
	h := &Handler{Upstreams: upstreams}
	if err := h.Provision(); err != nil {
		return err
	}
	return http.ListenAndServe(addr, h)
}
