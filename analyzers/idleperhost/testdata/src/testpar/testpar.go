// Package testpar: the same client, whose tests run in parallel with
// t.Parallel: their requests overlap.
package testpar

import (
	"io"
	"net/http"
)

type Client struct {
	HTTP *http.Client
	Base string
}

func (c *Client) Get(path string) ([]byte, error) {
	resp, err := c.HTTP.Get(c.Base + "/" + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
