// Package sender is another package's sender in the shape of lego's
// acme/api/internal/sender: respbody sees only its signatures. Get and
// Post decode the body into response and close it when response is not
// nil, and return the response for its headers; with a nil response the
// body is the caller's.
package sender

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// Doer sends the requests of an ACME client.
type Doer struct{ HTTP *http.Client }

// Get sends a GET request and decodes the answer into response.
func (d *Doer) Get(ctx context.Context, url string, response any) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return d.do(req, response)
}

// Post sends a POST request and decodes the answer into response.
func (d *Doer) Post(ctx context.Context, url string, body io.Reader, contentType string, response any) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	return d.do(req, response)
}

func (d *Doer) do(req *http.Request, response any) (*http.Response, error) {
	resp, err := d.HTTP.Do(req)
	if err != nil || response == nil {
		return resp, err
	}
	defer resp.Body.Close()
	return resp, json.NewDecoder(resp.Body).Decode(response)
}

// Nonce is the answer's Replay-Nonce header.
func Nonce(resp *http.Response) (string, error) {
	if resp == nil || resp.Header.Get("Replay-Nonce") == "" {
		return "", errors.New("no nonce")
	}
	return resp.Header.Get("Replay-Nonce"), nil
}

// Location is the answer's Location header.
func Location(resp *http.Response) string {
	if resp == nil {
		return ""
	}
	return resp.Header.Get("Location")
}
