// Package strict is reported with -transportreuse.strict.
package strict

import "net/http"

func Fetch(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to Fetch \(no connection is reused\)`
	defer c.CloseIdleConnections()
	return c.Get(url)
}

func FetchOpen(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to FetchOpen \(no connection is reused; idle`
	return c.Get(url)
}
