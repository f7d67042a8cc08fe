// Package proxyonly names no transport, client or request function of
// net/http: only the reverse proxy, which sends through
// http.DefaultTransport when given no Transport.
package proxyonly

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

func Serve(addr string, app *url.URL) error {
	mux := http.NewServeMux()
	mux.Handle("/", httputil.NewSingleHostReverseProxy(app)) // want `the reverse proxy made by httputil.NewSingleHostReverseProxy forwards concurrent requests to the host of app`
	return http.ListenAndServe(addr, mux)
}
