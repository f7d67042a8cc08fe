// Package defaultproxy holds reverse proxies left on http.DefaultTransport
// (brave/nitriding-daemon before fb6433d: the enclave's public server
// forwarded every request to the application's one web server through a
// NewSingleHostReverseProxy without a Transport). A kept proxy serves
// requests concurrently, all to its one target, so DefaultTransport's 2
// idle connections per host churn.
package defaultproxy

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

type Enclave struct {
	srv      http.Server
	revProxy *httputil.ReverseProxy
}

func NewEnclave(app *url.URL) *Enclave {
	mux := http.NewServeMux()
	e := &Enclave{srv: http.Server{Addr: ":443", Handler: mux}}
	if app != nil {
		e.revProxy = httputil.NewSingleHostReverseProxy(app) // want `the reverse proxy made by httputil.NewSingleHostReverseProxy forwards concurrent requests to the host of app through http.DefaultTransport, which keeps 2 idle connections per host`
		mux.Handle("/", e.revProxy)
	}
	return e
}

// A proxy with a transport of its own is judged by that transport.
func NewOwn(app *url.URL) http.Handler {
	p := httputil.NewSingleHostReverseProxy(app)
	p.Transport = &http.Transport{MaxIdleConnsPerHost: 64}
	return p
}

// A proxy made for each request picks its target per request.
func perRequest(w http.ResponseWriter, r *http.Request) {
	target, err := url.Parse(r.URL.Query().Get("to"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	httputil.NewSingleHostReverseProxy(target).ServeHTTP(w, r)
}

// Proxies made in a loop, one per backend, reach as many hosts.
func routes(mux *http.ServeMux, backends map[string]*url.URL) {
	for path, u := range backends {
		mux.Handle(path, httputil.NewSingleHostReverseProxy(u))
	}
}

// A proxy handed as itself to code the package cannot see may be given
// a transport there.
func Configured(app *url.URL, configure func(*httputil.ReverseProxy)) http.Handler {
	p := httputil.NewSingleHostReverseProxy(app)
	configure(p)
	return p
}
