// Package bad is the shape of etcd's etcdmain before PR #2900 (issue
// #2884): in proxy mode, startProxy builds the client transport with
// transport.NewTransport, which leaves MaxIdleConnsPerHost at its default
// of 2, and hands it to the proxy handler, which forwards every client
// request to one of the cluster's few members. With more than 2 client
// requests at a time per member, the proxy closes each extra connection
// after its response and dials a new one for the next request.
package bad

import (
	"net/http"
	"strings"

	"example.com/realworld/idleperhost/etcdproxy/bad/proxy"
	"example.com/realworld/idleperhost/etcdproxy/bad/transport"
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
	if err != nil {
		return err
	}

	urls := strings.Split(cfg.clientURLs, ",")
	uf := func() []string { return urls }

	ph := proxy.NewHandler(pt, uf)
	return http.ListenAndServe(cfg.listenAddr, ph)
}
