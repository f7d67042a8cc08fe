// Package bad is the shape of machinebox/graphql as issue #51 reports it: a
// client that runs queries in a loop gets "Post <url>: EOF" about once an
// hour; the query is a POST on a pooled connection, with no retry.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

type Client struct {
	endpoint   string
	httpClient *http.Client
}

func NewClient(endpoint string) *Client {
	return &Client{endpoint: endpoint, httpClient: http.DefaultClient}
}

func (c *Client) Run(ctx context.Context, query string, resp any) error {
	var body bytes.Buffer
	if err := json.NewEncoder(&body).Encode(map[string]string{"query": query}); err != nil {
		return err
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, &body)
	if err != nil {
		return err
	}
	r.Header.Set("Content-Type", "application/json; charset=utf-8")
	res, err := c.httpClient.Do(r)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(resp)
}
