// Package bad is the shape of palantir/conjure-go-runtime's httpclient
// before PR #189: the builder turns HTTP/2 on for every client with
// http2.ConfigureTransport unless it is disabled, with no PING health
// check, so when a connection breaks silently the client keeps sending
// requests into it and they time out until the kernel gives up on it
// (golang/go#36026).
package bad

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

type httpClientBuilder struct {
	Timeout               time.Duration
	DisableHTTP2          bool
	MaxIdleConns          int
	MaxIdleConnsPerHost   int
	IdleConnTimeout       time.Duration
	TLSHandshakeTimeout   time.Duration
	ExpectContinueTimeout time.Duration
	DialTimeout           time.Duration
	KeepAlive             time.Duration
}

func getDefaultHTTPClientBuilder() *httpClientBuilder {
	return &httpClientBuilder{
		Timeout:               time.Minute,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		MaxIdleConns:          200,
		MaxIdleConnsPerHost:   100,
		DialTimeout:           10 * time.Second,
		KeepAlive:             30 * time.Second,
	}
}

// HTTPClientParam configures the builder.
type HTTPClientParam func(*httpClientBuilder) error

// WithDisableHTTP2 keeps the client on HTTP/1.1.
func WithDisableHTTP2() HTTPClientParam {
	return func(b *httpClientBuilder) error {
		b.DisableHTTP2 = true
		return nil
	}
}

// NewHTTPClient returns a client configured by params over sane defaults.
func NewHTTPClient(params ...HTTPClientParam) (*http.Client, error) {
	b := getDefaultHTTPClientBuilder()
	for _, p := range params {
		if p == nil {
			continue
		}
		if err := p(b); err != nil {
			return nil, err
		}
	}
	return httpClientFromBuilder(b)
}

func httpClientFromBuilder(b *httpClientBuilder) (*http.Client, error) {
	dialer := &net.Dialer{Timeout: b.DialTimeout, KeepAlive: b.KeepAlive}
	transport := &http.Transport{
		DialContext:           dialer.DialContext,
		MaxIdleConns:          b.MaxIdleConns,
		MaxIdleConnsPerHost:   b.MaxIdleConnsPerHost,
		ExpectContinueTimeout: b.ExpectContinueTimeout,
		IdleConnTimeout:       b.IdleConnTimeout,
		TLSHandshakeTimeout:   b.TLSHandshakeTimeout,
	}
	if !b.DisableHTTP2 {
		if err := http2.ConfigureTransport(transport); err != nil {
			return nil, fmt.Errorf("failed to configure transport for http2: %w", err)
		}
	}
	return &http.Client{Timeout: b.Timeout, Transport: transport}, nil
}
