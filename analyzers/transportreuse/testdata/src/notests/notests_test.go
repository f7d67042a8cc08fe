package notests

import (
	"net/http"
	"testing"
)

func TestServer(t *testing.T) {
	for _, u := range []string{"a", "b"} {
		t.Run(u, func(t *testing.T) {
			c := &http.Client{Transport: &http.Transport{}}
			c.Get(u)
		})
	}
}

func BenchmarkFetch(b *testing.B) {
	for b.Loop() {
		c := &http.Client{Transport: &http.Transport{}}
		c.Get("http://bench")
	}
}

func fetchForTest(url string) {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get(url)
}
