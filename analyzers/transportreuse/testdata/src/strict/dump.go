package strict

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// memConn answers from memory, like httputil.DumpRequestOut's dumpConn.
type memConn struct {
	io.Writer
	io.Reader
}

func (c *memConn) Close() error                       { return nil }
func (c *memConn) LocalAddr() net.Addr                { return nil }
func (c *memConn) RemoteAddr() net.Addr               { return nil }
func (c *memConn) SetDeadline(t time.Time) error      { return nil }
func (c *memConn) SetReadDeadline(t time.Time) error  { return nil }
func (c *memConn) SetWriteDeadline(t time.Time) error { return nil }

// Dump captures a request as written: the transport dials only in memory,
// so there is no pool to lose.
func Dump(req *http.Request) (string, error) {
	var buf strings.Builder
	t := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) {
			return &memConn{&buf, strings.NewReader("HTTP/1.1 204 No Content\r\n\r\n")}, nil
		},
	}
	defer t.CloseIdleConnections()
	if _, err := t.RoundTrip(req); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// counted wraps a dialed connection: a real pool.
type counted struct{ net.Conn }

func DumpDialed(req *http.Request) error {
	t := &http.Transport{ // want `created on every call to DumpDialed`
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			return &counted{c}, err
		},
	}
	defer t.CloseIdleConnections()
	resp, err := t.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The shape of coder/wgtunnel's proxy before PR #12: each request dials
// its peer, then makes a transport whose dial hands out that connection
// wrapped for tracing. It dials nothing itself, but what it returns is a
// network connection, and every request pays a new transport and dial.
func ProxyDialed(dial func(context.Context) (net.Conn, error), req *http.Request) error {
	nc, err := dial(req.Context())
	if err != nil {
		return err
	}
	t := &http.Transport{ // want `created on every call to ProxyDialed`
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return &counted{Conn: nc}, nil
		},
	}
	resp, err := t.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
