// Package good is cloud-provider-azure's azclient utils after PR #8352:
// init configures DefaultTransport's HTTP/2 with ConfigureTransports and
// sets its ReadIdleTimeout (30s) and PingTimeout (15s), so a dead
// connection is found by a PING and closed.
package good

import (
	"crypto/tls"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/net/http2"
)

// DefaultTransport is the default transport used by the Azure clients.
var DefaultTransport *http.Transport
var once sync.Once

func init() {
	once.Do(func() {
		DefaultTransport = &http.Transport{
			Proxy: http.ProxyFromEnvironment,
			DialContext: (&net.Dialer{
				Timeout:   30 * time.Second,
				KeepAlive: 30 * time.Second,
			}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			MaxConnsPerHost:       100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: 1 * time.Second,
			ResponseHeaderTimeout: 60 * time.Second,
			TLSClientConfig: &tls.Config{
				MinVersion:    tls.VersionTLS12,
				Renegotiation: tls.RenegotiateNever,
			},
		}

		// Configure HTTP/2
		if http2Transport, err := http2.ConfigureTransports(DefaultTransport); err == nil {
			http2Transport.ReadIdleTimeout = 30 * time.Second
			http2Transport.PingTimeout = 15 * time.Second
		}
	})
}
