// Package testload: the same client, whose test sends from goroutines:
// its requests overlap.
package testload

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
