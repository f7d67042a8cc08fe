// Package rhttp stands for reva's pkg/rhttp: GetHTTPClient makes a new
// client on a new clone of http.DefaultTransport at every call (keep-alives
// on, IdleConnTimeout 90 s). The real one wraps the clone in an
// ochttp.Transport for tracing; that wrapper is left out.
package rhttp

import (
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"time"
)

// Options are GetHTTPClient's options.
type Options struct {
	Timeout          time.Duration
	Insecure         bool
	DisableKeepAlive bool
	Context          context.Context
}

// Option sets an option.
type Option func(*Options)

// Timeout sets the client's timeout.
func Timeout(t time.Duration) Option { return func(o *Options) { o.Timeout = t } }

// Insecure skips certificate verification.
func Insecure(v bool) Option { return func(o *Options) { o.Insecure = v } }

// Context sets a context (unused, as in reva).
func Context(ctx context.Context) Option { return func(o *Options) { o.Context = ctx } }

// GetHTTPClient returns an http client.
func GetHTTPClient(opts ...Option) *http.Client {
	var options Options
	for _, o := range opts {
		o(&options)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = options.DisableKeepAlive
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: options.Insecure}
	return &http.Client{Timeout: options.Timeout, Transport: tr}
}

// NewRequest creates a request that carries ctx.
func NewRequest(ctx context.Context, method, url string, body io.Reader) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, url, body)
}
