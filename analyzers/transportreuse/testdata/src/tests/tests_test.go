package tests

import (
	"net/http"
	"testing"
)

// The harness calls a test once: its transport serves the whole test.
func TestOnce(t *testing.T) {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("http://once")
}

func ExampleFetch() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("http://example")
}

func TestServer(t *testing.T) {
	for _, u := range []string{"a", "b"} {
		t.Run(u, func(t *testing.T) {
			c := &http.Client{Transport: &http.Transport{}} // want `created on every call to a function literal in TestServer`
			c.Get(u)
		})
	}
}

func BenchmarkFetch(b *testing.B) {
	for b.Loop() {
		c := &http.Client{Transport: &http.Transport{}} // want `created on every iteration of a loop in BenchmarkFetch`
		c.Get("http://bench")
	}
}

func fetchForTest(url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to fetchForTest`
	c.Get(url)
}
