// Package bad is the shape of go-kratos/kratos's transport/http client
// before PR #3808 (issue #3807): NewClient starts from
// transport: http.DefaultTransport, and when the caller passes
// WithTLSConfig but no WithTransport it stores the caller's *tls.Config in
// that transport's TLSClientConfig, so every client of the process that
// uses the default transport now dials with it. Encoders, middleware,
// discovery and the selector are left out; Invoke is reduced to one
// request.
package bad

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"time"
)

// ClientOption is an HTTP client option.
type ClientOption func(*clientOptions)

type clientOptions struct {
	ctx       context.Context
	tlsConf   *tls.Config
	timeout   time.Duration
	endpoint  string
	userAgent string
	transport http.RoundTripper
}

// WithTransport sets the client's transport.
func WithTransport(trans http.RoundTripper) ClientOption {
	return func(o *clientOptions) { o.transport = trans }
}

// WithTimeout sets the client's timeout.
func WithTimeout(d time.Duration) ClientOption {
	return func(o *clientOptions) { o.timeout = d }
}

// WithEndpoint sets the endpoint.
func WithEndpoint(endpoint string) ClientOption {
	return func(o *clientOptions) { o.endpoint = endpoint }
}

// WithTLSConfig sets the TLS configuration.
func WithTLSConfig(c *tls.Config) ClientOption {
	return func(o *clientOptions) { o.tlsConf = c }
}

// Client is an HTTP client.
type Client struct {
	opts     clientOptions
	scheme   string
	cc       *http.Client
	insecure bool
}

// NewClient returns an HTTP client.
func NewClient(ctx context.Context, opts ...ClientOption) (*Client, error) {
	options := clientOptions{
		ctx:       ctx,
		timeout:   2000 * time.Millisecond,
		transport: http.DefaultTransport,
	}
	for _, o := range opts {
		o(&options)
	}
	if options.tlsConf != nil {
		if tr, ok := options.transport.(*http.Transport); ok {
			tr.TLSClientConfig = options.tlsConf
		}
	}
	insecure := options.tlsConf == nil
	scheme := "https"
	if insecure {
		scheme = "http"
	}
	return &Client{
		opts:     options,
		scheme:   scheme,
		insecure: insecure,
		cc: &http.Client{
			Timeout:   options.timeout,
			Transport: options.transport,
		},
	}, nil
}

// Invoke sends method to path and reads the reply.
func (client *Client) Invoke(ctx context.Context, method, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, fmt.Sprintf("%s://%s%s", client.scheme, client.opts.endpoint, path), nil)
	if err != nil {
		return nil, err
	}
	res, err := client.cc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}
