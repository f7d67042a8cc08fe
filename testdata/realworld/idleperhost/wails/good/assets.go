// Package good is the asset server after PR #5933: the proxy's transport
// pools enough idle connections per host for a page's parallel module
// loads (the numbers here are illustrative), so they are reused.
package good

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

// retryTransport retries a request while the dev server is starting.
type retryTransport struct {
	base     http.RoundTripper
	attempts int
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < t.attempts; i++ {
		resp, err = t.base.RoundTrip(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return resp, err
}

// NewAssetFileServer returns the handler that serves assets from the
// frontend dev server at frontendURL.
func NewAssetFileServer(frontendURL string) (http.Handler, error) {
	target, err := url.Parse(frontendURL)
	if err != nil {
		return nil, err
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	proxy.Transport = &retryTransport{
		base: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				return dialer.DialContext(ctx, network, addr)
			},
			MaxIdleConns:        256,
			MaxIdleConnsPerHost: 256,
			IdleConnTimeout:     90 * time.Second,
		},
		attempts: 10,
	}
	return proxy, nil
}
