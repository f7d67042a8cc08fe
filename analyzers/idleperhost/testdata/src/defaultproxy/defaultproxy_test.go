package defaultproxy

import (
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
)

// A test's proxy serves that test's requests, one at a time.
func TestProxy(t *testing.T) {
	backend, _ := url.Parse("http://127.0.0.1:1")
	front := httptest.NewServer(httputil.NewSingleHostReverseProxy(backend))
	defer front.Close()
}
