// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp:
// its Client, Request and StandardClient as v0.7.8 has them.
package retryablehttp

import (
	"net/http"
	"runtime"
)

// Client retries requests sent through HTTPClient.
type Client struct {
	HTTPClient *http.Client
	RetryMax   int
}

// NewClient returns a client with a pooled transport of its own.
func NewClient() *Client {
	return &Client{
		HTTPClient: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: runtime.GOMAXPROCS(0) + 1}},
		RetryMax:   4,
	}
}

// Request is a request that can be sent again.
type Request struct {
	*http.Request
}

// NewRequest makes a request of the method to url.
func NewRequest(method, url string, rawBody interface{}) (*Request, error) {
	r, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	return &Request{r}, nil
}

// Do sends req through c.HTTPClient, again on failure.
func (c *Client) Do(req *Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i <= c.RetryMax; i++ {
		if resp, err = c.HTTPClient.Do(req.Request); err == nil {
			break
		}
	}
	return resp, err
}

// RoundTripper sends requests through a retrying Client.
type RoundTripper struct {
	Client *Client
}

// RoundTrip sends req through rt.Client's HTTPClient.
func (rt *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	return rt.Client.HTTPClient.Do(req)
}

// StandardClient returns an *http.Client whose transport retries through c.
func (c *Client) StandardClient() *http.Client {
	return &http.Client{Transport: &RoundTripper{Client: c}}
}
