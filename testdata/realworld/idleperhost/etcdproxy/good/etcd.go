// Package good is etcd's etcdmain after PR #2900: startProxy raises the
// proxy transport's per-host idle limit to proxy.DefaultMaxIdleConnsPerHost
// (128), so up to 128 concurrent client requests per member keep their
// connections.
package good

import (
	"net/http"
	"strings"

	"example.com/realworld/idleperhost/etcdproxy/good/proxy"
	"example.com/realworld/idleperhost/etcdproxy/good/transport"
)

type config struct {
	clientTLSInfo transport.TLSInfo
	clientURLs    string
	listenAddr    string
}

// startProxy launches an HTTP proxy for client communication which
// proxies to the etcd members.
func startProxy(cfg *config) error {
	pt, err := transport.NewTransport(cfg.clientTLSInfo)
	pt.MaxIdleConnsPerHost = proxy.DefaultMaxIdleConnsPerHost
	if err != nil {
		return err
	}

	urls := strings.Split(cfg.clientURLs, ",")
	uf := func() []string { return urls }

	ph := proxy.NewHandler(pt, uf)
	return http.ListenAndServe(cfg.listenAddr, ph)
}
