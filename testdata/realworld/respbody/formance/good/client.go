// Package good is the HTTP wrapper after PR #753: right after the send,
// Do defers a drain to EOF and a Close of the body, before the early
// return, and the dead resp.Body == nil test is gone. The same parts as in
// bad are left out.
package good

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

var (
	ErrStatusCodeClientError = errors.New("http client error")
	ErrStatusCodeServerError = errors.New("http server error")
)

func defaultHTTPErrorChecker(statusCode int) error {
	switch {
	case statusCode >= http.StatusBadRequest && statusCode < http.StatusInternalServerError:
		return ErrStatusCodeClientError
	case statusCode >= http.StatusInternalServerError:
		return ErrStatusCodeServerError
	}
	return nil
}

// Config configures a Client.
type Config struct {
	Timeout   time.Duration
	Transport http.RoundTripper
}

// Client sends a request and decodes the JSON answer into expectedBody or,
// on an error status, errorBody.
type Client struct {
	httpClient *http.Client
	checkErr   func(int) error
}

// NewClient returns a Client with a transport of its own.
func NewClient(config *Config) *Client {
	if config.Transport == nil {
		config.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	return &Client{
		httpClient: &http.Client{Timeout: config.Timeout, Transport: config.Transport},
		checkErr:   defaultHTTPErrorChecker,
	}
}

// Do sends req; expectedBody and errorBody may be nil.
func (c *Client) Do(ctx context.Context, req *http.Request, expectedBody, errorBody any) (int, error) {
	resp, err := c.httpClient.Do(req.WithContext(ctx))
	if err != nil {
		return 0, fmt.Errorf("failed to make request: %w", err)
	}

	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()

	reqErr := c.checkErr(resp.StatusCode)
	// the caller doesn't care about the response body so we return early
	if (reqErr == nil && expectedBody == nil) || (reqErr != nil && errorBody == nil) {
		return resp.StatusCode, reqErr
	}

	rawBody, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, fmt.Errorf("failed to read response body: %w", err)
	}
	if reqErr != nil {
		if err := json.Unmarshal(rawBody, errorBody); err != nil {
			return resp.StatusCode, fmt.Errorf("failed to unmarshal error response (%w): %w", err, reqErr)
		}
		return resp.StatusCode, reqErr
	}
	if err := json.Unmarshal(rawBody, expectedBody); err != nil {
		return resp.StatusCode, fmt.Errorf("failed to unmarshal response: %w", err)
	}
	return resp.StatusCode, nil
}
