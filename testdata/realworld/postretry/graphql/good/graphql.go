// Package good is machinebox/graphql with the ImmediatelyCloseReqBody
// option the answer points to, on: the request is marked Close,
// so it never goes out on a stale pooled connection.
package good

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

type Client struct {
	endpoint   string
	httpClient *http.Client
	closeReq   bool
}

func NewClient(endpoint string) *Client {
	return &Client{endpoint: endpoint, httpClient: http.DefaultClient, closeReq: true}
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
	r.Close = true
	r.Header.Set("Content-Type", "application/json; charset=utf-8")
	res, err := c.httpClient.Do(r)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(resp)
}
