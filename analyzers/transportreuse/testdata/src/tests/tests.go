// Package tests has test code that -transportreuse.tests reports.
package tests

import (
	"net/http"
	"testing"
)

func checkServer(t *testing.T, url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to checkServer`
	if _, err := c.Get(url); err != nil {
		t.Fatal(err)
	}
}

func Fetch(url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to Fetch`
	c.Get(url)
}
