// Package rest stands for minio's cmd/rest: Call POSTs an internode
// request and returns the body of a 200 answer to the caller, who must
// close it; the body of any other answer is drained and closed here. The
// health check, the authentication token and the trailer status are left
// out.
package rest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"

	"example.com/realworld/respbody/miniowalk/good/xhttp"
)

// Client calls one peer's storage REST API.
type Client struct {
	httpClient *http.Client
	url        *url.URL
	// MaxErrResponseSize bounds the read of an error answer (its value in
	// minio is not rebuilt here).
	MaxErrResponseSize int64
}

// NewClient returns a client of u over transport.
func NewClient(u *url.URL, transport http.RoundTripper) *Client {
	return &Client{httpClient: &http.Client{Transport: transport}, url: u}
}

// Call sends method with values and body, and returns the answer's body.
func (c *Client) Call(ctx context.Context, method string, values url.Values, body io.Reader) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url.String()+method+"?"+values.Encode(), body)
	if err != nil {
		return nil, err
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		defer xhttp.DrainBody(resp.Body)
		b, err := io.ReadAll(io.LimitReader(resp.Body, c.MaxErrResponseSize))
		if err != nil {
			return nil, err
		}
		if len(b) > 0 {
			return nil, errors.New(string(b))
		}
		return nil, errors.New(resp.Status)
	}
	return resp.Body, nil
}
