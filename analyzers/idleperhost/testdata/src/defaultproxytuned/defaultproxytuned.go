// Package defaultproxytuned is defaultproxy after the fix: the package
// raises DefaultTransport's per-host idle pool (nitriding's fb6433d), so
// its proxy on DefaultTransport keeps enough connections.
package defaultproxytuned

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

func init() {
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 500
}

type Enclave struct {
	srv      http.Server
	revProxy *httputil.ReverseProxy
}

func NewEnclave(app *url.URL) *Enclave {
	mux := http.NewServeMux()
	e := &Enclave{srv: http.Server{Addr: ":443", Handler: mux}}
	e.revProxy = httputil.NewSingleHostReverseProxy(app)
	mux.Handle("/", e.revProxy)
	return e
}
