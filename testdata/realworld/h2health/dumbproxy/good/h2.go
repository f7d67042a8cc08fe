// Package good is dumbproxy's HTTP/2 dialer after PR #219 (merge
// 851546e): the transport pings a connection that has read nothing for
// read-idle-timeout (5s unless the URL sets it) and drops it when no
// answer comes within ping-timeout.
package good

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
	"time"

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

	params, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("query string parse failed: %w", err)
	}
	readIdleTimeout := 5 * time.Second
	pingTimeout := 5 * time.Second
	if params.Has("read-idle-timeout") {
		if readIdleTimeout, err = time.ParseDuration(params.Get("read-idle-timeout")); err != nil {
			return nil, fmt.Errorf("unable to parse duration in \"read-idle-timeout\" option: %w", err)
		}
	}
	if params.Has("ping-timeout") {
		if pingTimeout, err = time.ParseDuration(params.Get("ping-timeout")); err != nil {
			return nil, fmt.Errorf("unable to parse duration in \"ping-timeout\" option: %w", err)
		}
	}

	address := net.JoinHostPort(host, port)
	t := &http2.Transport{
		AllowHTTP:       h2c,
		TLSClientConfig: tlsConfig,
		ReadIdleTimeout: readIdleTimeout,
		PingTimeout:     pingTimeout,
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
