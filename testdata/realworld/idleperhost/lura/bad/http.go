// Package bad is the shape of luraproject/lura's proxy package (then
// devopsfaith/krakend) before PR #69 (commit bb6a234): the API gateway
// forwards each request of an endpoint to its backend through
// http.DefaultClient, from the server's handler goroutines (package
// router), so a gateway under load sends many concurrent requests to each
// of a few backend hosts (from the configuration, package config) through
// http.DefaultTransport, which keeps 2 idle connections per host.
package bad

import (
	"context"
	"errors"
	"io"
	"net/http"

	"example.com/realworld/idleperhost/lura/bad/config"
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
