// Package bad is the shape of Azure/azure-sdk-for-go's azcore default HTTP
// client before PR #21468 (issue #21346): the transport every SDK client
// shares by default forces HTTP/2 with ForceAttemptHTTP2 and has no PING
// health check, so when a TCP connection to a service is dropped silently
// every call multiplexed on it times out with "context deadline exceeded"
// until the kernel gives the connection up.
package bad

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

var defaultHTTPClient *http.Client

func defaultTransportDialContext(dialer *net.Dialer) func(context.Context, string, string) (net.Conn, error) {
	return dialer.DialContext
}

func init() {
	defaultTransport := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: defaultTransportDialContext(&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}),
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		TLSClientConfig: &tls.Config{
			MinVersion:    tls.VersionTLS12,
			Renegotiation: tls.RenegotiateFreelyAsClient,
		},
	}
	defaultHTTPClient = &http.Client{Transport: defaultTransport}
}

// Do sends req with the SDK's default client.
func Do(req *http.Request) (*http.Response, error) {
	return defaultHTTPClient.Do(req)
}
