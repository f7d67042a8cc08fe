// Package testseq: an API client whose tests keep one transport in a
// package variable of a test file and send one request at a time.
package testseq

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
