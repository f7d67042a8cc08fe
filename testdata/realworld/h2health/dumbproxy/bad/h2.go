// Package bad is the shape of SenseUnit/dumbproxy's HTTP/2 upstream
// dialer before PR #219: H2ProxyDialerFromURL gives the chain's h2 or h2c
// proxy hop an x/net http2.Transport with no ReadIdleTimeout, and every
// tunnel to that proxy is a CONNECT stream of its one connection. When a
// laptop wakes from sleep and the NAT box has forgotten the connection,
// new tunnels are written into the dead connection and hang.
package bad

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/http2"
)

// H2ProxyDialer dials through an HTTP/2 proxy with CONNECT streams.
type H2ProxyDialer struct {
	address   string
	tlsConfig *tls.Config
	userinfo  *url.Userinfo
	t         *http2.Transport
}

// H2ProxyDialerFromURL makes a dialer of an h2:// or h2c:// proxy URL.
func H2ProxyDialerFromURL(u *url.URL, next func(ctx context.Context, network, addr string) (net.Conn, error)) (*H2ProxyDialer, error) {
	host := u.Hostname()
	port := u.Port()

	var (
		tlsConfig *tls.Config
		h2c       bool
	)
	switch strings.ToLower(u.Scheme) {
	case "h2c":
		if port == "" {
			port = "80"
		}
		h2c = true
	case "h2":
		if port == "" {
			port = "443"
		}
		tlsConfig = &tls.Config{ServerName: host, NextProtos: []string{"h2"}}
	default:
		return nil, errors.New("unsupported proxy type")
	}

	address := net.JoinHostPort(host, port)
	t := &http2.Transport{
		AllowHTTP:       h2c,
		TLSClientConfig: tlsConfig,
	}
	if h2c {
		t.DialTLSContext = func(ctx context.Context, network, _ string, _ *tls.Config) (net.Conn, error) {
			return next(ctx, network, address)
		}
	} else {
		t.DialTLSContext = func(ctx context.Context, network, _ string, cfg *tls.Config) (net.Conn, error) {
			conn, err := next(ctx, network, address)
			if err != nil {
				return nil, err
			}
			return tls.Client(conn, cfg), nil
		}
	}

	return &H2ProxyDialer{address: address, tlsConfig: tlsConfig, userinfo: u.User, t: t}, nil
}

// DialContext opens a tunnel to address through the proxy.
func (d *H2ProxyDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	scheme := "https"
	if d.tlsConfig == nil {
		scheme = "http"
	}
	pr, pw := io.Pipe()
	req := (&http.Request{
		Method: "CONNECT",
		URL:    &url.URL{Scheme: scheme, Host: address},
		Header: http.Header{"User-Agent": []string{"dumbproxy"}},
		Body:   pr,
		Host:   address,
	}).WithContext(ctx)
	if d.userinfo != nil {
		req.SetBasicAuth(d.userinfo.Username(), "")
	}
	resp, err := d.t.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		pw.Close()
		return nil, fmt.Errorf("proxy: %s", resp.Status)
	}
	return &h2Conn{r: resp.Body, w: pw}, nil
}

type h2Conn struct {
	net.Conn
	r io.ReadCloser
	w io.WriteCloser
}

func (c *h2Conn) Read(b []byte) (int, error)  { return c.r.Read(b) }
func (c *h2Conn) Write(b []byte) (int, error) { return c.w.Write(b) }
func (c *h2Conn) Close() error                { return errors.Join(c.w.Close(), c.r.Close()) }
