package nonnetwork

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

func recorder(h http.Handler) int {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	resp := rec.Result()
	b, _ := io.ReadAll(resp.Body)
	return len(b)
}

func readResponse(raw string) int {
	resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(raw)), nil)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func controller(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.Flush()
}

type conn struct{}

// dial has a websocket dialer's shape: its response needs no close.
func dial(u string) (*conn, *http.Response, error) { return &conn{}, nil, nil }

func websocket(u string) {
	c, resp, err := dial(u)
	_, _, _ = c, resp, err
}

// dumpConn answers from memory, like httputil.DumpRequestOut's: the
// response has no network connection behind it.
type dumpConn struct {
	io.Writer
	io.Reader
}

func (c *dumpConn) Close() error                       { return nil }
func (c *dumpConn) LocalAddr() net.Addr                { return nil }
func (c *dumpConn) RemoteAddr() net.Addr               { return nil }
func (c *dumpConn) SetDeadline(t time.Time) error      { return nil }
func (c *dumpConn) SetReadDeadline(t time.Time) error  { return nil }
func (c *dumpConn) SetWriteDeadline(t time.Time) error { return nil }

func dumpOut(req *http.Request, canned string) error {
	var buf strings.Builder
	t := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) {
			return &dumpConn{&buf, strings.NewReader(canned)}, nil
		},
	}
	_, err := t.RoundTrip(req)
	return err
}

// countingConn wraps a dialed connection: a network response.
type countingConn struct {
	net.Conn
	n int
}

func dumpDialed(req *http.Request) error {
	t := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			return &countingConn{Conn: c}, err
		},
	}
	_, err := t.RoundTrip(req) // want `response of t\.RoundTrip is discarded`
	return err
}
