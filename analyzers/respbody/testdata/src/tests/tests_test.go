package tests

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func newServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// The handler writes no body, but respbody does not know the server.
func TestCreated(t *testing.T) {
	srv := newServer(t)
	resp, err := http.Post(srv.URL, "text/plain", nil) // want `resp.Body is not closed`
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestHelper(t *testing.T) {
	srv := newServer(t)
	resp := get(t, srv.URL) // want `resp.Body is not closed`
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func TestClosed(t *testing.T) {
	srv := newServer(t)
	resp := get(t, srv.URL)
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("status %d", resp.StatusCode)
	}
}
