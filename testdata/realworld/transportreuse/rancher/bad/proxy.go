// Package bad is the shape of rancher/rancher before PR #19554: the
// cluster proxy handler builds an http.Transport with the cluster's dialer
// for every request; the transports leak their connections when they are
// garbage collected, which is made worse by the tunnelled cluster dialer.
package bad

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
)

type DialerFactory func(cluster string) func(ctx context.Context, network, addr string) (net.Conn, error)

type Handler struct {
	dialers DialerFactory
	target  *url.URL
}

func (h *Handler) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	cluster := req.Header.Get("X-Cluster")
	transport := &http.Transport{
		DialContext: h.dialers(cluster),
	}
	rp := httputil.NewSingleHostReverseProxy(h.target)
	rp.Transport = transport
	rp.ServeHTTP(rw, req)
}
