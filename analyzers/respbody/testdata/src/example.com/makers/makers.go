// Package makers is a helper package of the module whose senders other
// packages call: which of them hand back an open response or body is
// recorded in facts.
package makers

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

// Fetch hands back http.Get's open response.
func Fetch(u string) (*http.Response, error) { return http.Get(u) } // want Fetch:`hands back an open response \(result 0, error 1, no content false, method from -1\)`

// Open hands back the open body of a GET.
func Open(u string) (io.ReadCloser, error) { // want Open:`hands back an open body \(result 0, error 1, no content false, method from -1\)`
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Probe drains and closes the body first: no fact.
func Probe(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp, nil
}

// Client sends through its own client.
type Client struct{ HTTP *http.Client }

// Do hands back the client's open response.
func (c *Client) Do(req *http.Request) (*http.Response, error) { return c.HTTP.Do(req) } // want Do:`hands back an open response \(result 0, error 1, no content false, method from 1\)`

// Get decodes into v when v is not nil: the open response depends on the
// caller, no fact.
func (c *Client) Get(ctx context.Context, u string, v any) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil || v == nil {
		return resp, err
	}
	defer resp.Body.Close()
	return resp, json.NewDecoder(resp.Body).Decode(v)
}

// fetch is unexported: no fact.
func fetch(u string) (*http.Response, error) { return http.Get(u) }

// Fetched hands back fetch's response.
func Fetched(u string) (*http.Response, error) { return fetch(u) } // want Fetched:`hands back an open response`
