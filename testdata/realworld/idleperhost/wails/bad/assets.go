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
	}
	return proxy, nil
}
