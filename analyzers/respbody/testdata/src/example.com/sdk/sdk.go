// Package sdk is another package's client: respbody sees only its
// signatures.
package sdk

import "net/http"

// Client sends requests for an API.
type Client struct{ HTTP *http.Client }

// Head sends a HEAD request.
func (c *Client) Head(url string) (*http.Response, error) { return c.HTTP.Head(url) }

// Get sends a GET request.
func (c *Client) Get(url string) (*http.Response, error) { return c.HTTP.Get(url) }
