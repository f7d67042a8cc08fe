// Package bad is the shape of Kubernetes' k8s.io/apimachinery/pkg/util/net
// before kubernetes/kubernetes PR #95981: SetTransportDefaults, which every
// client-go transport goes through, turns HTTP/2 on with
// http2.ConfigureTransport and no health check, so a connection to the API
// server that dies silently (a load balancer forgets it) stalls every
// request of the client for about 15 minutes, until the kernel gives up.
package bad

import (
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"golang.org/x/net/http2"
)

var defaultTransport = http.DefaultTransport.(*http.Transport)

// SetOldTransportDefaults applies the defaults from http.DefaultTransport
// for the Proxy, Dial, and TLSHandshakeTimeout fields if unset.
func SetOldTransportDefaults(t *http.Transport) *http.Transport {
	if t.Proxy == nil {
		t.Proxy = http.ProxyFromEnvironment
	}
	if t.DialContext == nil {
		t.DialContext = (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	if t.TLSHandshakeTimeout == 0 {
		t.TLSHandshakeTimeout = defaultTransport.TLSHandshakeTimeout
	}
	if t.IdleConnTimeout == 0 {
		t.IdleConnTimeout = defaultTransport.IdleConnTimeout
	}
	return t
}

// SetTransportDefaults applies the defaults from http.DefaultTransport
// for the Proxy, Dial, and TLSHandshakeTimeout fields if unset, and turns
// HTTP/2 on.
func SetTransportDefaults(t *http.Transport) *http.Transport {
	t = SetOldTransportDefaults(t)
	// Allow clients to disable http2 if needed.
	if s := os.Getenv("DISABLE_HTTP2"); len(s) > 0 {
		log.Printf("HTTP2 has been explicitly disabled")
	} else if allowsHTTP2(t) {
		if err := http2.ConfigureTransport(t); err != nil {
			log.Printf("Transport failed http2 configuration: %v", err)
		}
	}
	return t
}

func allowsHTTP2(t *http.Transport) bool {
	if t.TLSClientConfig == nil || len(t.TLSClientConfig.NextProtos) == 0 {
		// the transport expressed no NextProto preference, allow
		return true
	}
	for _, p := range t.TLSClientConfig.NextProtos {
		if strings.EqualFold(p, "h2") {
			return true
		}
	}
	return false
}
