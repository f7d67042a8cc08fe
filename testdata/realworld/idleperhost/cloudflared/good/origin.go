// Package good is cloudflared's origin proxy after PR #155: the setting
// sets the per-host limit too.
package good

import (
	"io"
	"net/http"
	"time"
)

type OriginConfig struct {
	URL                      string
	ProxyKeepAliveConns      int
	ProxyKeepAliveTimeout    time.Duration
	ProxyTLSHandshakeTimeout time.Duration
}

type Proxy struct {
	origin string
	tr     *http.Transport
}

func NewProxy(c OriginConfig) *Proxy {
	return &Proxy{origin: c.URL, tr: &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		MaxIdleConns:        c.ProxyKeepAliveConns,
		MaxIdleConnsPerHost: c.ProxyKeepAliveConns,
		IdleConnTimeout:     c.ProxyKeepAliveTimeout,
		TLSHandshakeTimeout: c.ProxyTLSHandshakeTimeout,
	}}
}

// ServeHTTP forwards each request arriving over the tunnel to the origin;
// the tunnel calls it from one goroutine per stream.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	out, err := http.NewRequestWithContext(r.Context(), r.Method, p.origin+r.URL.RequestURI(), r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp, err := p.tr.RoundTrip(out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}
