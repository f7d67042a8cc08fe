package tests

import (
	"net/http"
	"testing"
)

func TestMany(t *testing.T) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `sets DisableKeepAlives`
	for range 3 {
		if resp, err := c.Get("http://localhost/"); err == nil {
			resp.Body.Close()
		}
	}
}

func TestOnce(t *testing.T) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if resp, err := c.Get("http://localhost/"); err == nil {
		resp.Body.Close()
	}
}
