// Package bad is the shape of manaflow-ai/subrouter before PR #89: the
// router forwards its agents' API calls (Codex's POST /responses) to one
// upstream, chatgpt.com, through a transport that NewOutboundTransport
// clones from http.DefaultTransport with HTTP/2 turned off (so that one
// upstream TLS failure cannot tear down unrelated multiplexed streams).
// Without HTTP/2 each concurrent request needs a connection of its own,
// and the clone keeps DefaultTransport's 2 idle connections per host: the
// PR measured about 470 new connections a second for 4 proxied requests
// a second, all 16,384 ephemeral ports taken, and 502s from "connect:
// can't assign requested address".
package bad

import (
	"crypto/tls"
	"io"
	"net/http"
)

const upstream = "https://chatgpt.com/backend-api/codex"

// NewOutboundTransport returns the transport of upstream requests.
func NewOutboundTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ForceAttemptHTTP2 = false
	t.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	return t
}

// Server relays agents' requests to the upstream.
type Server struct {
	client *http.Client
}

// NewServer returns a Server with its outbound client.
func NewServer() *Server {
	return &Server{client: &http.Client{Transport: NewOutboundTransport()}}
}

// ServeHTTP forwards r to the upstream and copies the answer back.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), r.Method, upstream+r.URL.Path, r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	req.Header = r.Header.Clone()
	resp, err := s.client.Do(req)
	if err != nil {
		http.Error(w, "upstream request failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}
