// Package bad is the shape of minio/minio's internode transport (cmd/utils.go)
// before PR #11144: with TLS on, the transport that carries all traffic
// between the servers of a cluster is switched to HTTP/2 by
// http2.ConfigureTransport without a health check, so a peer that vanishes
// without closing its connections keeps requests to it hanging.
package bad

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

func newCustomHTTPTransport(tlsConfig *tls.Config, dialTimeout time.Duration) func() *http.Transport {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: dialTimeout, KeepAlive: 15 * time.Second}).DialContext,
		MaxIdleConnsPerHost:   1024,
		IdleConnTimeout:       15 * time.Second,
		ResponseHeaderTimeout: 3 * time.Minute,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 10 * time.Second,
		TLSClientConfig:       tlsConfig,
		// we always want the raw stream
		DisableCompression: true,
	}
	if tlsConfig != nil {
		http2.ConfigureTransport(tr)
	}
	return func() *http.Transport {
		return tr
	}
}

// NewInternodeHTTPTransport returns the transport for server-to-server calls.
func NewInternodeHTTPTransport(tlsConfig *tls.Config, dialTimeout time.Duration) func() http.RoundTripper {
	tr := newCustomHTTPTransport(tlsConfig, dialTimeout)
	return func() http.RoundTripper {
		return tr()
	}
}

// peerClient calls one peer of the cluster.
type peerClient struct {
	endpoint string
	client   *http.Client
}

func newPeerClient(endpoint string, tlsConfig *tls.Config) *peerClient {
	tr := NewInternodeHTTPTransport(tlsConfig, 15*time.Second)
	return &peerClient{endpoint: endpoint, client: &http.Client{Transport: tr()}}
}

func (p *peerClient) call(method string) (*http.Response, error) {
	return p.client.Post(p.endpoint+"/minio/peer/v1/"+method, "application/octet-stream", nil)
}
