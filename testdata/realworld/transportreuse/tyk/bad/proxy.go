// Package bad is the shape of TykTechnologies/tyk 2.4 before PR #1267: the
// reverse proxy asks httpTransport for a transport on every proxied
// request, and httpTransport builds a new one, so nothing is pooled and
// every request opens a new connection to the upstream.
package bad

import (
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

type APISpec struct {
	Target  *url.URL
	Timeout time.Duration
}

type ReverseProxy struct {
	spec *APISpec
}

func httpTransport(timeout time.Duration) *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout: timeout,
		}).DialContext,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 100,
	}
}

func (p *ReverseProxy) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	rp := httputil.NewSingleHostReverseProxy(p.spec.Target)
	rp.Transport = httpTransport(p.spec.Timeout)
	rp.ServeHTTP(rw, req)
}
