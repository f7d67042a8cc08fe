// Package confighttp is the shape of the collector's config/confighttp
// client settings as of open-telemetry/opentelemetry-collector#9022
// (v0.91, December 2023): ToClient builds every exporter's client on a
// Clone of http.DefaultTransport, which attempts HTTP/2, and turns the
// HTTP/2 PING health check on only when HTTP2ReadIdleTimeout is set.
package confighttp

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

// ClientConfig is the HTTP client part of an exporter's configuration.
type ClientConfig struct {
	Endpoint            string
	TLSClientConfig     *tls.Config
	Timeout             time.Duration
	MaxIdleConns        *int
	MaxIdleConnsPerHost *int
	IdleConnTimeout     *time.Duration

	// HTTP2ReadIdleTimeout, if positive, is the idle time after which
	// an HTTP/2 connection is health-checked with a PING frame.
	HTTP2ReadIdleTimeout time.Duration
	// HTTP2PingTimeout is how long to wait for the PING's answer.
	HTTP2PingTimeout time.Duration
}

// ToClient creates the HTTP client the settings describe.
func (hcs *ClientConfig) ToClient() (*http.Client, error) {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	if hcs.TLSClientConfig != nil {
		transport.TLSClientConfig = hcs.TLSClientConfig
	}
	if hcs.MaxIdleConns != nil {
		transport.MaxIdleConns = *hcs.MaxIdleConns
	}
	if hcs.MaxIdleConnsPerHost != nil {
		transport.MaxIdleConnsPerHost = *hcs.MaxIdleConnsPerHost
	}
	if hcs.IdleConnTimeout != nil {
		transport.IdleConnTimeout = *hcs.IdleConnTimeout
	}
	if hcs.HTTP2ReadIdleTimeout > 0 {
		transport2, err := http2.ConfigureTransports(transport)
		if err != nil {
			return nil, fmt.Errorf("failed to configure http2 transport: %w", err)
		}
		transport2.ReadIdleTimeout = hcs.HTTP2ReadIdleTimeout
		transport2.PingTimeout = hcs.HTTP2PingTimeout
	}
	return &http.Client{Transport: transport, Timeout: hcs.Timeout}, nil
}
