// Package good is subrouter after PR #89: the outbound transport, HTTP/2
// still off, keeps a pool of idle connections per host sized for the
// upstream's concurrency (the values here are illustrative), so that
// requests to chatgpt.com reuse connections instead of churning them.
package good

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
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 64
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
