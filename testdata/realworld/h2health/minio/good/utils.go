// Package good is minio's internode transport after PR #11144: the HTTP/2
// transport pings a connection read-idle for 5 minutes and closes it when
// no answer comes within the dial timeout.
package good

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
		trhttp2, _ := http2.ConfigureTransports(tr)
		if trhttp2 != nil {
			// ping a connection no frame came on for 5 minutes
			trhttp2.ReadIdleTimeout = 5 * time.Minute
			// close it if the ping gets no answer
			trhttp2.PingTimeout = dialTimeout
			trhttp2.DisableCompression = true
		}
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
