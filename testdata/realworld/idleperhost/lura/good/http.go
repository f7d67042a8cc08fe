// Package good is lura's proxy package after PR #69: unchanged, the
// proxies still send through http.DefaultClient; the fix is in package
// router, which sets http.DefaultTransport's MaxIdleConnsPerHost to the
// configuration's max_idle_connections (default 250, package config)
// before serving.
package good

import (
	"context"
	"errors"
	"io"
	"net/http"

	"example.com/realworld/idleperhost/lura/good/config"
)

// ErrInvalidStatusCode is returned for an answer that is not 200 or 201.
var ErrInvalidStatusCode = errors.New("invalid status code")

// HTTPClientFactory returns the client for a request's context.
type HTTPClientFactory func(ctx context.Context) *http.Client

// NewHTTPClient returns the default client.
func NewHTTPClient(_ context.Context) *http.Client { return http.DefaultClient }

// Proxy sends one gateway request to the backend and returns its answer.
type Proxy func(ctx context.Context, path string, body io.Reader) ([]byte, error)

// NewHTTPProxy returns a Proxy of backend remote.
func NewHTTPProxy(remote *config.Backend, clientFactory HTTPClientFactory) Proxy {
	return func(ctx context.Context, path string, body io.Reader) ([]byte, error) {
		req, err := http.NewRequestWithContext(ctx, remote.Method, remote.Host[0]+remote.URLPattern+path, body)
		if err != nil {
			return nil, err
		}
		resp, err := clientFactory(ctx).Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusCreated {
			_, _ = io.Copy(io.Discard, resp.Body)
			return nil, ErrInvalidStatusCode
		}
		return io.ReadAll(resp.Body)
	}
}
