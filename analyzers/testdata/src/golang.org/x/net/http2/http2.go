// Package http2 is a stand-in for golang.org/x/net/http2 with the parts of
// its API that the analyzers look at, in the same shape.
package http2

import (
	"net/http"
	"time"
)

// Transport is an HTTP/2 transport.
type Transport struct {
	AllowHTTP       bool
	IdleConnTimeout time.Duration
	ReadIdleTimeout time.Duration
	PingTimeout     time.Duration

	t1 *http.Transport
}

func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) { return nil, nil }

func (t *Transport) CloseIdleConnections() {}

// ConfigureTransport turns HTTP/2 on in t1.
func ConfigureTransport(t1 *http.Transport) error {
	_, err := ConfigureTransports(t1)
	return err
}

// ConfigureTransports turns HTTP/2 on in t1 and returns the HTTP/2
// transport.
func ConfigureTransports(t1 *http.Transport) (*Transport, error) {
	return &Transport{t1: t1}, nil
}

// Server is an HTTP/2 server's settings.
type Server struct {
	ReadIdleTimeout time.Duration
	PingTimeout     time.Duration
}

// ConfigureServer turns HTTP/2 on in s.
func ConfigureServer(s *http.Server, conf *Server) error { return nil }
