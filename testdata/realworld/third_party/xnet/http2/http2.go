// Package http2 is a stand-in for golang.org/x/net/http2 with the parts of
// its client API the real-world cases use, in the same shape: the Transport
// fields that turn the PING health check on, and ConfigureTransport(s),
// which turn HTTP/2 on in a net/http transport.
package http2

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// Transport is an HTTP/2 client transport.
type Transport struct {
	TLSClientConfig    *tls.Config
	DialTLS            func(network, addr string, cfg *tls.Config) (net.Conn, error)
	DialTLSContext     func(ctx context.Context, network, addr string, cfg *tls.Config) (net.Conn, error)
	AllowHTTP          bool
	DisableCompression bool
	ReadIdleTimeout    time.Duration
	PingTimeout        time.Duration
	WriteByteTimeout   time.Duration

	t1 *http.Transport
}

// ClientConn is one HTTP/2 connection to a server.
type ClientConn struct {
	t *Transport
	c net.Conn
}

// NewClientConn starts an HTTP/2 connection over c.
func (t *Transport) NewClientConn(c net.Conn) (*ClientConn, error) {
	return &ClientConn{t: t, c: c}, nil
}

// RoundTrip sends req as a new stream of the connection.
func (cc *ClientConn) RoundTrip(req *http.Request) (*http.Response, error) {
	return cc.t.RoundTrip(req)
}

// RoundTrip sends req over HTTP/2.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.t1.RoundTrip(req)
}

// ConfigureTransport turns HTTP/2 on in t1.
func ConfigureTransport(t1 *http.Transport) error {
	_, err := ConfigureTransports(t1)
	return err
}

// ConfigureTransports turns HTTP/2 on in t1 and returns the HTTP/2
// transport that serves its h2 connections.
func ConfigureTransports(t1 *http.Transport) (*Transport, error) {
	return &Transport{t1: t1}, nil
}

// CloseIdleConnections closes the connections that carry no request.
func (t *Transport) CloseIdleConnections() {
	if t.t1 != nil {
		t.t1.CloseIdleConnections()
	}
}
