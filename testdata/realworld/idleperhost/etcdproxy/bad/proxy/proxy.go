// Package proxy forwards client requests to the members of an etcd cluster.
package proxy

import (
	"io"
	"net/http"
	"sync/atomic"
)

// GetProxyURLs returns the current client URLs of the cluster.
type GetProxyURLs func() []string

type reverseProxy struct {
	urls      GetProxyURLs
	next      atomic.Uint64
	transport http.RoundTripper
}

// NewHandler creates a handler that proxies requests to the cluster over t.
func NewHandler(t *http.Transport, urlsFunc GetProxyURLs) http.Handler {
	return &reverseProxy{urls: urlsFunc, transport: t}
}

func (p *reverseProxy) ServeHTTP(rw http.ResponseWriter, clientreq *http.Request) {
	urls := p.urls()
	if len(urls) == 0 {
		http.Error(rw, "proxy: zero endpoints currently available", http.StatusServiceUnavailable)
		return
	}
	target := urls[p.next.Add(1)%uint64(len(urls))]

	proxyreq, err := http.NewRequestWithContext(clientreq.Context(), clientreq.Method, target+clientreq.URL.RequestURI(), clientreq.Body)
	if err != nil {
		http.Error(rw, err.Error(), http.StatusBadRequest)
		return
	}
	proxyreq.Header = clientreq.Header.Clone()

	res, err := p.transport.RoundTrip(proxyreq)
	if err != nil {
		http.Error(rw, "proxy: unable to reach "+target, http.StatusBadGateway)
		return
	}
	defer res.Body.Close()

	for k, vv := range res.Header {
		for _, v := range vv {
			rw.Header().Add(k, v)
		}
	}
	rw.WriteHeader(res.StatusCode)
	io.Copy(rw, res.Body)
}
