// Package good is apns2's client after PR #209: both constructors set the
// HTTP/2 transport's ReadIdleTimeout (15 seconds by default, a package
// variable users may change), so a connection that has read nothing for
// that long is pinged and closed when no answer comes.
package good

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

// Apple's HTTP/2 endpoints.
const (
	HostDevelopment = "https://api.sandbox.push.apple.com"
	HostProduction  = "https://api.push.apple.com"
)

// DefaultHost is a mutable var for testing purposes.
var DefaultHost = HostDevelopment

var (
	// TLSDialTimeout is the maximum time a dial waits for a connect.
	TLSDialTimeout = 20 * time.Second
	// HTTPClientTimeout bounds each push.
	HTTPClientTimeout = 60 * time.Second
	// ReadIdleTimeout is the timeout after which a health check using a
	// ping frame is carried out if no frame is received on the connection.
	// If zero, no health check is performed.
	ReadIdleTimeout = 15 * time.Second
	// TCPKeepAlive is the keep-alive period of the connection.
	TCPKeepAlive = 60 * time.Second
)

// DialTLS dials the TLS connections for non-proxied pushes.
var DialTLS = func(network, addr string, cfg *tls.Config) (net.Conn, error) {
	dialer := &net.Dialer{Timeout: TLSDialTimeout, KeepAlive: TCPKeepAlive}
	return tls.DialWithDialer(dialer, network, addr, cfg)
}

// Token is a provider authentication token.
type Token struct {
	Bearer string
}

// Client represents a connection with APNs.
type Client struct {
	Host        string
	Certificate tls.Certificate
	Token       *Token
	HTTPClient  *http.Client
}

type connectionCloser interface {
	CloseIdleConnections()
}

// NewClient returns a client authenticating with certificate. Keep it:
// it does not connect until the first push.
func NewClient(certificate tls.Certificate) *Client {
	tlsConfig := &tls.Config{Certificates: []tls.Certificate{certificate}}
	transport := &http2.Transport{
		TLSClientConfig: tlsConfig,
		DialTLS:         DialTLS,
		ReadIdleTimeout: ReadIdleTimeout,
	}
	return &Client{
		HTTPClient:  &http.Client{Transport: transport, Timeout: HTTPClientTimeout},
		Certificate: certificate,
		Host:        DefaultHost,
	}
}

// NewTokenClient returns a client authenticating with token.
func NewTokenClient(token *Token) *Client {
	transport := &http2.Transport{
		DialTLS:         DialTLS,
		ReadIdleTimeout: ReadIdleTimeout,
	}
	return &Client{
		Token:      token,
		HTTPClient: &http.Client{Transport: transport, Timeout: HTTPClientTimeout},
		Host:       DefaultHost,
	}
}

// Production points the client at the production endpoint.
func (c *Client) Production() *Client {
	c.Host = HostProduction
	return c
}

// Notification is one push.
type Notification struct {
	DeviceToken string      `json:"-"`
	Topic       string      `json:"-"`
	Payload     interface{} `json:"aps"`
}

// Response is APNs's answer to a push.
type Response struct {
	StatusCode int
	ApnsID     string
	Reason     string `json:"reason"`
}

// Push sends n.
func (c *Client) Push(n *Notification) (*Response, error) {
	return c.PushWithContext(context.Background(), n)
}

// PushWithContext sends n, bounded by ctx.
func (c *Client) PushWithContext(ctx context.Context, n *Notification) (*Response, error) {
	payload, err := json.Marshal(n)
	if err != nil {
		return nil, err
	}
	url := c.Host + "/3/device/" + n.DeviceToken
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	if c.Token != nil {
		req.Header.Set("authorization", "bearer "+c.Token.Bearer)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if n.Topic != "" {
		req.Header.Set("apns-topic", n.Topic)
	}
	resp, err := c.HTTPClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &Response{StatusCode: resp.StatusCode, ApnsID: resp.Header.Get("apns-id")}
	if err := json.NewDecoder(resp.Body).Decode(r); err != nil && err != io.EOF {
		return &Response{}, err
	}
	return r, nil
}

// CloseIdleConnections closes the connections that carry no push.
func (c *Client) CloseIdleConnections() {
	c.HTTPClient.Transport.(connectionCloser).CloseIdleConnections()
}
