// Package notests is tests without -transportreuse.tests: only Fetch.
package notests

import (
	"net/http"
	"testing"
)

func checkServer(t *testing.T, url string) {
	c := &http.Client{Transport: &http.Transport{}}
	if _, err := c.Get(url); err != nil {
		t.Fatal(err)
	}
}

func Fetch(url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to Fetch`
	c.Get(url)
}
