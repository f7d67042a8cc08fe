// Package graphql stands in for github.com/shurcooL/graphql: a client that
// POSTs queries and mutations through the *http.Client it is given.
package graphql

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// Client is a GraphQL client.
type Client struct {
	url        string
	httpClient *http.Client
}

// NewClient returns a client for url that sends through httpClient.
func NewClient(url string, httpClient *http.Client) *Client {
	if httpClient == nil {
		httpClient = http.DefaultClient
	}
	return &Client{url: url, httpClient: httpClient}
}

// Query runs q.
func (c *Client) Query(ctx context.Context, q interface{}, variables map[string]interface{}) error {
	return c.do(ctx, q, variables)
}

// Mutate runs m.
func (c *Client) Mutate(ctx context.Context, m interface{}, variables map[string]interface{}) error {
	return c.do(ctx, m, variables)
}

func (c *Client) do(ctx context.Context, v interface{}, variables map[string]interface{}) error {
	body, err := json.Marshal(map[string]interface{}{"query": v, "variables": variables})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}
