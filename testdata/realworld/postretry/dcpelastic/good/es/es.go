// Package es stands for go-elasticsearch's client: Bulk POSTs an NDJSON
// body to the cluster's _bulk endpoint.
package es

import (
	"io"
	"net/http"
)

// Client is a client of one Elasticsearch address.
type Client struct {
	Address string
	HTTP    *http.Client
}

// Bulk sends body to _bulk.
func (c *Client) Bulk(body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, c.Address+"/_bulk", body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	return c.HTTP.Do(req)
}
