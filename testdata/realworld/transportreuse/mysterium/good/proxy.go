// Package good is mysterium's proxy after PR #1194: one transport, made
// with the proxy, with idle limits and short timeouts.
package good

import (
	"io"
	"net"
	"net/http"
	"time"
)

type proxy struct {
	transport *http.Transport
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.RequestURI = ""
	resp, err := p.transport.RoundTrip(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func Serve(addr string) error {
	p := &proxy{transport: &http.Transport{
		DialContext:     (&net.Dialer{Timeout: 20 * time.Second}).DialContext,
		MaxIdleConns:    100,
		IdleConnTimeout: 20 * time.Second,
	}}
	return http.ListenAndServe(addr, p)
}
