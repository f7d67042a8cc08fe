// Package good is caddy's reverse_proxy after PR #2809: the default
// transport's KeepAlive keeps up to 32 idle connections per upstream.
package good

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
				ProbeInterval:       30 * time.Second,
				IdleConnTimeout:     2 * time.Minute,
				MaxIdleConnsPerHost: 32,
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
