// Package retryablehttp is a stand-in for github.com/hashicorp/go-retryablehttp
// with the fields of its Client in the shape v0.7.8 has them: NewClient
// holds a pooled *http.Client (cleanhttp.DefaultPooledClient there).
package retryablehttp

import (
	"bytes"
	"context"
	"net/http"
	"runtime"
	"time"
)

// CheckRetry decides whether a request is retried after a response or an
// error.
type CheckRetry func(ctx context.Context, resp *http.Response, err error) (bool, error)

// Client retries requests sent through HTTPClient.
type Client struct {
	HTTPClient   *http.Client
	Logger       interface{}
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	RetryMax     int
	CheckRetry   CheckRetry
}

// NewClient returns a client with a pooled transport of its own.
func NewClient() *Client {
	return &Client{
		HTTPClient:   &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: runtime.GOMAXPROCS(0) + 1}},
		RetryWaitMin: time.Second,
		RetryWaitMax: 30 * time.Second,
		RetryMax:     4,
	}
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

// Post sends body to url as bodyType, retrying a failed attempt (a
// transport error or a 5xx) up to RetryMax times with a fresh copy of the
// body, as the real Client.Post does through Client.Do.
func (c *Client) Post(url, bodyType string, body interface{}) (*http.Response, error) {
	data, _ := body.([]byte)
	var resp *http.Response
	var err error
	wait := c.RetryWaitMin
	for attempt := 0; ; attempt++ {
		var req *http.Request
		req, err = http.NewRequest(http.MethodPost, url, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", bodyType)
		resp, err = c.HTTPClient.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		if attempt == c.RetryMax {
			return resp, err
		}
		if resp != nil {
			resp.Body.Close()
		}
		time.Sleep(wait)
		wait = min(2*wait, c.RetryWaitMax)
	}
}
