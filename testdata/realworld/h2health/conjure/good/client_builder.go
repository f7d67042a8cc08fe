// Package good is conjure-go-runtime's httpclient after PR #189: the
// builder carries HTTP/2 ReadIdleTimeout and PingTimeout (30 s and 15 s by
// default, settable by params), and configureHTTP2 sets them on the HTTP/2
// transport that ConfigureTransports returns, so a broken connection is
// found by a PING and dropped from the pool.
package good

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
	HTTP2ReadIdleTimeout  time.Duration
	HTTP2PingTimeout      time.Duration
	DialTimeout           time.Duration
	KeepAlive             time.Duration
}

func getDefaultHTTPClientBuilder() *httpClientBuilder {
	return &httpClientBuilder{
		Timeout:               time.Minute,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		HTTP2ReadIdleTimeout:  30 * time.Second,
		HTTP2PingTimeout:      15 * time.Second,
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

// WithHTTP2ReadIdleTimeout sets how long a connection may go without a
// frame before a PING checks it; 0 turns the check off.
func WithHTTP2ReadIdleTimeout(timeout time.Duration) HTTPClientParam {
	return func(b *httpClientBuilder) error {
		b.HTTP2ReadIdleTimeout = timeout
		return nil
	}
}

// WithHTTP2PingTimeout sets how long to wait for the PING's answer.
func WithHTTP2PingTimeout(timeout time.Duration) HTTPClientParam {
	return func(b *httpClientBuilder) error {
		b.HTTP2PingTimeout = timeout
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
		if err := configureHTTP2(transport, b.HTTP2ReadIdleTimeout, b.HTTP2PingTimeout); err != nil {
			return nil, err
		}
	}
	return &http.Client{Timeout: b.Timeout, Transport: transport}, nil
}

// configureHTTP2 turns HTTP/2 on in t1 and sets the health check of the
// HTTP/2 transport that serves its h2 connections.
func configureHTTP2(t1 *http.Transport, readIdleTimeout, pingTimeout time.Duration) error {
	t2, err := http2.ConfigureTransports(t1)
	if err != nil {
		return fmt.Errorf("failed to configure transport for http2: %w", err)
	}
	t2.ReadIdleTimeout = readIdleTimeout
	t2.PingTimeout = pingTimeout
	return nil
}
