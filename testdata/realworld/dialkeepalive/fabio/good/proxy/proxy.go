// Package proxy stands for fabio's proxy package: the HTTP proxy picks a
// route's target and forwards the request over one of its transports.
package proxy

import (
	"net/http"
	"net/http/httputil"
	"net/url"

	"example.com/realworld/dialkeepalive/fabio/good/config"
)

// Target is where a route sends requests.
type Target struct {
	URL           *url.URL
	TLSSkipVerify bool
}

// HTTPProxy forwards requests to the targets Lookup finds.
type HTTPProxy struct {
	Config            config.Proxy
	Transport         http.RoundTripper
	InsecureTransport http.RoundTripper
	Lookup            func(*http.Request) *Target
}

func (p *HTTPProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := p.Lookup(r)
	if t == nil {
		http.Error(w, "no route", http.StatusBadGateway)
		return
	}
	rp := httputil.NewSingleHostReverseProxy(t.URL)
	rp.Transport = p.Transport
	if t.TLSSkipVerify {
		rp.Transport = p.InsecureTransport
	}
	rp.FlushInterval = p.Config.FlushInterval
	rp.ServeHTTP(w, r)
}
