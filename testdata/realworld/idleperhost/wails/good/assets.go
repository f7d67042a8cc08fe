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

// NewAssetFileServer returns the handler that serves assets from the
// frontend dev server at frontendURL.
func NewAssetFileServer(frontendURL string) (http.Handler, error) {
	target, err := url.Parse(frontendURL)
	if err != nil {
		return nil, err
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	// (The real proxy wraps this transport in a RoundTripper that retries
	// while the dev server starts; its body is left out here.)
	proxy.Transport = &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, addr)
		},
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     90 * time.Second,
	}
	return proxy, nil
}
