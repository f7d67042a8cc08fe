package nonnetwork

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
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
