// Package goproxy is a stand-in for github.com/gambol99/goproxy (a fork
// of elazarl/goproxy) with the parts the real-world cases use, in the
// same shape: a ProxyHttpServer serves each request it is handed by
// sending it, as it stands (an absolute URL), through its Tr and copying
// the answer back.
package goproxy

import (
	"io"
	"log"
	"net/http"
	"os"
)

// ProxyHttpServer is an HTTP proxy.
type ProxyHttpServer struct {
	// Tr sends the proxied requests.
	Tr      *http.Transport
	Logger  *log.Logger
	Verbose bool
}

// NewProxyHttpServer returns a proxy on a transport of its own.
func NewProxyHttpServer() *ProxyHttpServer {
	return &ProxyHttpServer{
		Tr:     &http.Transport{Proxy: http.ProxyFromEnvironment},
		Logger: log.New(os.Stderr, "", log.LstdFlags),
	}
}

var hopHeaders = []string{"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"}

// ServeHTTP sends r through Tr and writes the answer to w.
func (proxy *ProxyHttpServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !r.URL.IsAbs() {
		http.Error(w, "This is a proxy server. Does not respond to non-proxy requests.", http.StatusInternalServerError)
		return
	}
	r.RequestURI = ""
	for _, h := range hopHeaders {
		r.Header.Del(h)
	}
	resp, err := proxy.Tr.RoundTrip(r)
	if err != nil {
		proxy.Logger.Printf("error read response %v %v", r.URL.Host, err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer resp.Body.Close()
	for k, vs := range resp.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(resp.StatusCode)
	if _, err := io.Copy(w, resp.Body); err != nil {
		proxy.Logger.Printf("can't write response body %v", err)
	}
}
