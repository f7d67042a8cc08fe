// Package good is fabio's proxy setup after PR #863: the transports set
// IdleConnTimeout from proxy.idleconntimeout (15 s by default).
package good

import (
	"crypto/tls"
	"net"
	"net/http"

	"example.com/realworld/dialkeepalive/fabio/good/config"
	"example.com/realworld/dialkeepalive/fabio/good/proxy"
)

// Route is one entry of the routing table.
type Route struct {
	Prefix string
	Target *proxy.Target
}

func newHTTPProxy(cfg *config.Config, table []Route) http.Handler {
	newTransport := func(tlscfg *tls.Config) *http.Transport {
		return &http.Transport{
			ResponseHeaderTimeout: cfg.Proxy.ResponseHeaderTimeout,
			IdleConnTimeout:       cfg.Proxy.IdleConnTimeout,
			MaxIdleConnsPerHost:   cfg.Proxy.MaxConn,
			Dial: (&net.Dialer{
				Timeout:   cfg.Proxy.DialTimeout,
				KeepAlive: cfg.Proxy.KeepAliveTimeout,
			}).Dial,
			TLSClientConfig: tlscfg,
		}
	}
	return &proxy.HTTPProxy{
		Config:            cfg.Proxy,
		Transport:         newTransport(nil),
		InsecureTransport: newTransport(&tls.Config{InsecureSkipVerify: true}),
		Lookup: func(r *http.Request) *proxy.Target {
			for _, rt := range table {
				if len(r.URL.Path) >= len(rt.Prefix) && r.URL.Path[:len(rt.Prefix)] == rt.Prefix {
					return rt.Target
				}
			}
			return nil
		},
	}
}

// Serve runs the proxy on addr.
func Serve(addr string, cfg *config.Config, table []Route) error {
	return http.ListenAndServe(addr, newHTTPProxy(cfg, table))
}
