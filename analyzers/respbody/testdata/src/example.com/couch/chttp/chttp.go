// Package chttp stands for kivik's CouchDB HTTP layer: a sender that
// builds the request from a method and a path.
package chttp

import (
	"context"
	"net/http"
)

type Client struct {
	c    *http.Client
	base string
}

func (c *Client) DoError(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.c.Do(req)
}
