// Package closed closes the idle connections of per-call transports.
package closed

import "net/http"

func Fetch(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // closed below: reported only with -strict
	defer c.CloseIdleConnections()
	return c.Get(url)
}

func FetchTransport(req *http.Request) (*http.Response, error) {
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	return tr.RoundTrip(req)
}

func FetchOpen(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to FetchOpen`
	return c.Get(url)
}

func Loop(urls []string) {
	for _, u := range urls {
		c := &http.Client{Transport: &http.Transport{}} // want `created on every iteration of a loop in Loop \(no connection is reused\)`
		c.Get(u)
		c.CloseIdleConnections()
	}
}
