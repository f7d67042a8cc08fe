// Package good is masque's HTTP/2 client after PR #5: the transport's
// ReadIdleTimeout makes every client connection send a PING after 3 s
// without a frame and close the connection when no answer comes (a later
// commit of the PR sets PingTimeout to 2 s), so a dead connection is
// replaced.
package good

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"

	gohttp2 "golang.org/x/net/http2"
)

// Client is a MASQUE client that multiplexes CONNECT requests over HTTP/2.
type Client struct {
	proxyAddr   string
	ignoreCert  bool
	tlsTimeout  time.Duration
	h2Transport *gohttp2.Transport
	h2Conns     []*gohttp2.ClientConn
	mu          sync.Mutex
}

// NewClient creates a client of the proxy at proxyAddr.
func NewClient(proxyAddr string, ignoreCert bool) *Client {
	return &Client{proxyAddr: proxyAddr, ignoreCert: ignoreCert, tlsTimeout: 10 * time.Second}
}

// ConnectToProxy prepares the client's HTTP/2 transport.
func (c *Client) ConnectToProxy() error {
	t, err := c.dialProxyViaH2()
	if err != nil {
		return err
	}
	c.h2Transport = t
	return nil
}

func (c *Client) makeTLSDialer() *tls.Dialer {
	d := &tls.Dialer{NetDialer: &net.Dialer{}}
	if c.ignoreCert {
		d.Config = &tls.Config{InsecureSkipVerify: true}
	}
	return d
}

// dialProxyViaH2 returns the HTTP/2 transport, which dials the proxy
// itself whatever address it is asked for.
func (c *Client) dialProxyViaH2() (*gohttp2.Transport, error) {
	tr := &gohttp2.Transport{
		DialTLS: func(network, addr string, cfg *tls.Config) (net.Conn, error) {
			ctx, cancel := context.WithTimeout(context.Background(), c.tlsTimeout)
			defer cancel()
			return c.makeTLSDialer().DialContext(ctx, "tcp", c.proxyAddr)
		},
		AllowHTTP:          true,
		DisableCompression: true,
		WriteByteTimeout:   3 * time.Second,
		ReadIdleTimeout:    3 * time.Second,
		PingTimeout:        2 * time.Second,
	}
	return tr, nil
}

func (c *Client) makeNewH2ClientConn(addr string) (*gohttp2.ClientConn, error) {
	conn, err := c.h2Transport.DialTLS("tcp", addr, nil)
	if err != nil {
		return nil, err
	}
	cc, err := c.h2Transport.NewClientConn(conn)
	if err != nil {
		return nil, err
	}
	c.h2Conns = append(c.h2Conns, cc)
	return cc, nil
}

// CreateTCPStream sends a CONNECT request for addr over an HTTP/2
// connection to the proxy.
func (c *Client) CreateTCPStream(addr string) (*http.Response, error) {
	if c.h2Transport == nil {
		return nil, errors.New("not connected to the proxy")
	}
	c.mu.Lock()
	cc, err := c.makeNewH2ClientConn(addr)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodConnect, "https://"+c.proxyAddr, nil)
	if err != nil {
		return nil, err
	}
	req.Host = addr
	return cc.RoundTrip(req)
}
