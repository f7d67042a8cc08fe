package tests

import (
	"net/http"
	"testing"
)

func TestServer(t *testing.T) {
	for _, u := range []string{"a", "b"} {
		t.Run(u, func(t *testing.T) {
			c := &http.Client{Transport: &http.Transport{}} // want `created on every call to a function literal in TestServer`
			c.Get(u)
		})
	}
}

func fetchForTest(url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to fetchForTest`
	c.Get(url)
}
