// Package proxies holds reverse proxies: one made by
// NewSingleHostReverseProxy sends every request it serves to its one
// target host, from the server's goroutines at once.
package proxies

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

// wailsapp/wails#5933: the dev asset server proxies every request to
// the frontend dev server, hundreds of modules at a time, through a
// transport that keeps 2 idle connections for it.
func NewAssetServer(frontendURL string) (http.Handler, error) {
	target, err := url.Parse(frontendURL)
	if err != nil {
		return nil, err
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	proxy.Transport = &http.Transport{ // want `http.Transport keeps 2 idle connections per host but every request goes to the one host of the reverse proxy to target \(`
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, addr)
		},
	}
	return proxy, nil
}

// The fix: as many idle connections per host as it needs.
func NewAssetServerGood(frontendURL string) (http.Handler, error) {
	target, err := url.Parse(frontendURL)
	if err != nil {
		return nil, err
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.Transport = &http.Transport{MaxIdleConnsPerHost: 100}
	return proxy, nil
}

// A proxy kept in a struct and served by its method.
type Gateway struct {
	proxy *httputil.ReverseProxy
}

func NewGateway(backend *url.URL) *Gateway {
	p := httputil.NewSingleHostReverseProxy(backend)
	tr := &http.Transport{MaxIdleConns: 50} // want `http.Transport sets MaxIdleConns to 50 but keeps 2 idle connections per host, and every request goes to the one host of the reverse proxy to backend \(`
	p.Transport = tr
	return &Gateway{proxy: p}
}

func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) { g.proxy.ServeHTTP(w, r) }

// A proxy made for one request and served at once: its transport's pool
// lives for that one request (a transport per request is transportreuse's
// to report), so the per-host idle limit never matters.
func Forward(w http.ResponseWriter, r *http.Request, backend *url.URL) {
	p := httputil.NewSingleHostReverseProxy(backend)
	p.Transport = &http.Transport{}
	p.ServeHTTP(w, r)
}

// A proxy whose Director picks the host per request fans out to many
// hosts: quiet.
func NewRouter() http.Handler {
	return &httputil.ReverseProxy{
		Director: func(r *http.Request) {
			r.URL.Scheme = "http"
			r.URL.Host = r.Header.Get("X-Backend")
		},
		Transport: &http.Transport{},
	}
}

// A transport that only a caller may replace is the one in use until a
// caller does.
func NewSwappable(backend *url.URL, rt http.RoundTripper) http.Handler {
	p := httputil.NewSingleHostReverseProxy(backend)
	p.Transport = &http.Transport{} // want `every request goes to the one host of the reverse proxy to backend \(`
	if rt != nil {
		p.Transport = rt
	}
	return p
}

// Replaced by the package's own choice: judged by that one.
var tuned = &http.Transport{MaxIdleConnsPerHost: 64}

func NewSwapped(backend *url.URL, fast bool) http.Handler {
	p := httputil.NewSingleHostReverseProxy(backend)
	p.Transport = &http.Transport{}
	if fast {
		p.Transport = tuned
	}
	return p
}

// labstack/echo's proxy middleware: a proxy for each request, to the
// target a balancer picks, through the transport of the configuration.
// The transport serves every target: quiet.
type Config struct {
	Transport http.RoundTripper
	Targets   []*url.URL
}

func proxyFor(target *url.URL, c Config) http.Handler {
	p := httputil.NewSingleHostReverseProxy(target)
	p.Transport = c.Transport
	return p
}

func Middleware(c Config) http.HandlerFunc {
	n := 0
	return func(w http.ResponseWriter, r *http.Request) {
		n++
		proxyFor(c.Targets[n%len(c.Targets)], c).ServeHTTP(w, r)
	}
}

func NewBalanced(targets []*url.URL) http.HandlerFunc {
	return Middleware(Config{Transport: &http.Transport{}, Targets: targets})
}

// Proxies made in a loop, one per backend, share the transport: quiet.
func NewMux(backends map[string]*url.URL) *http.ServeMux {
	mux := http.NewServeMux()
	tr := &http.Transport{}
	for prefix, u := range backends {
		p := httputil.NewSingleHostReverseProxy(u)
		p.Transport = tr
		mux.Handle(prefix, p)
	}
	return mux
}
