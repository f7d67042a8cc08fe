// Package good is azcore's default HTTP client after PR #21468: the
// HTTP/2 transport that ConfigureTransports returns for it pings a
// connection idle for 10 s and closes it when no answer comes within 2 s.
package good

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/http2"
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
	if http2Transport, err := http2.ConfigureTransports(defaultTransport); err == nil {
		// after 10 s without a frame, send a PING to check the connection
		http2Transport.ReadIdleTimeout = 10 * time.Second
		// and close it if the answer does not come within 2 s
		http2Transport.PingTimeout = 2 * time.Second
	}
	defaultHTTPClient = &http.Client{Transport: defaultTransport}
}

// Do sends req with the SDK's default client.
func Do(req *http.Request) (*http.Response, error) {
	return defaultHTTPClient.Do(req)
}
