// Package good is tyk after PR #1267: each API spec owns one transport,
// made when the spec is loaded and reused by its requests.
package good

import (
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

type APISpec struct {
	Target    *url.URL
	Timeout   time.Duration
	transport *http.Transport
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

func LoadSpec(target *url.URL, timeout time.Duration) *APISpec {
	return &APISpec{Target: target, Timeout: timeout, transport: httpTransport(timeout)}
}

type ReverseProxy struct {
	spec *APISpec
}

func (p *ReverseProxy) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	rp := httputil.NewSingleHostReverseProxy(p.spec.Target)
	rp.Transport = p.spec.transport
	rp.ServeHTTP(rw, req)
}
