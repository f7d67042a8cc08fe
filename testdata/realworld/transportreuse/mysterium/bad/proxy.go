// Package bad is the shape of mysteriumnetwork/node before PR #1194: the
// HTTP proxy makes a transport for every proxied request, leaking open
// connections until the node hit its limit of open files.
package bad

import (
	"io"
	"net"
	"net/http"
	"time"
)

func proxyRequest(w http.ResponseWriter, r *http.Request) {
	transport := &http.Transport{
		DialContext: (&net.Dialer{
			Timeout:   24 * time.Hour,
			KeepAlive: 24 * time.Hour,
		}).DialContext,
	}
	r.RequestURI = ""
	resp, err := transport.RoundTrip(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func Serve(addr string) error {
	return http.ListenAndServe(addr, http.HandlerFunc(proxyRequest))
}
