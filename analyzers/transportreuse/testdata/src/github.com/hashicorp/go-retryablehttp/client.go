// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp.
package retryablehttp

import (
	"net/http"

	"github.com/hashicorp/go-cleanhttp"
)

type Client struct {
	HTTPClient *http.Client
	RetryMax   int
}

func NewClient() *Client { return &Client{HTTPClient: cleanhttp.DefaultPooledClient()} }

type Request struct{ *http.Request }

func (c *Client) Do(req *Request) (*http.Response, error) { return c.HTTPClient.Do(req.Request) }

func (c *Client) Get(url string) (*http.Response, error) { return c.HTTPClient.Get(url) }

func (c *Client) StandardClient() *http.Client { return &http.Client{} }
