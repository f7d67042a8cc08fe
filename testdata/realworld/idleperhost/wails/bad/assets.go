// Package bad is the shape of wailsapp/wails v3's development asset
// server before PR #5933 (issue #5947): in `wails3 dev` the app's asset
// requests go through a reverse proxy to the frontend dev server (Vite,
// at the URL the dev command passes in), and the proxy's transport sets
// only DialContext, so it keeps 2 idle connections per host. A dev page
// loads hundreds of unbundled ES modules at once; most connections were
// closed instead of pooled, and the TIME_WAIT sockets took the host's
// whole ephemeral port range (EADDRNOTAVAIL, then 502s, for every
// process on the machine).
package bad

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
		},
		attempts: 10,
	}
	return proxy, nil
}
