// Package retryablehttp is a stand-in for github.com/hashicorp/go-retryablehttp
// with the fields of its Client in the shape v0.7.8 has them: NewClient
// holds a pooled *http.Client (cleanhttp.DefaultPooledClient there).
package retryablehttp

import (
	"net/http"
	"runtime"
	"time"
)

// Client retries requests sent through HTTPClient.
type Client struct {
	HTTPClient   *http.Client
	Logger       interface{}
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	RetryMax     int
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
