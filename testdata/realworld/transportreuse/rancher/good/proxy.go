// Package good is rancher after PR #19554: one transport per cluster,
// made once and kept by the handler.
package good

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
)

type DialerFactory func(cluster string) func(ctx context.Context, network, addr string) (net.Conn, error)

type Handler struct {
	dialers    DialerFactory
	target     *url.URL
	mu         sync.Mutex
	transports map[string]*http.Transport
}

func (h *Handler) transport(cluster string) *http.Transport {
	h.mu.Lock()
	defer h.mu.Unlock()
	if t, ok := h.transports[cluster]; ok {
		return t
	}
	t := &http.Transport{DialContext: h.dialers(cluster)}
	if h.transports == nil {
		h.transports = make(map[string]*http.Transport)
	}
	h.transports[cluster] = t
	return t
}

func (h *Handler) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	rp := httputil.NewSingleHostReverseProxy(h.target)
	rp.Transport = h.transport(req.Header.Get("X-Cluster"))
	rp.ServeHTTP(rw, req)
}
