// Package bad is the shape of kubernetes-sigs/cloud-provider-azure's
// azclient utils before PR #8352: DefaultTransport, the transport every
// Azure ARM client of the cloud provider is built on, forces HTTP/2
// (ForceAttemptHTTP2) but turns on no health check, so an HTTP/2
// connection to ARM that died without a FIN kept taking the provider's
// requests until they timed out.
package bad

import (
	"crypto/tls"
	"net"
	"net/http"
	"sync"
	"time"
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
	})
}
