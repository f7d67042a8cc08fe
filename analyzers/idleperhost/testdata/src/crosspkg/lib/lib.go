// Package lib builds clients for other packages.
package lib

import "net/http"

// Transport is returned: callers choose where it goes.
func Transport() *http.Transport { return &http.Transport{} }

// Client talks to the one base it is built with.
type Client struct {
	base string
	c    *http.Client
}

func NewClient(base string) *Client {
	return &Client{base: base, c: &http.Client{Transport: &http.Transport{}}} // want `every request goes to the base URL in Client.base`
}

func (c *Client) Get(path string) (*http.Response, error) { return c.c.Get(c.base + path) }

// Tune sets the per-host limit of a transport it is given.
func Tune(t *http.Transport) *http.Transport {
	t.MaxIdleConnsPerHost = 64
	return t
}
