// Package good is clink's Client after PR #6: Do reads the request body
// once, before the first attempt, and gives every attempt a new reader
// over those bytes.
package good

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Limiter paces requests.
type Limiter interface {
	Wait(ctx context.Context) error
}

// Client is a wrapper around http.Client with additional functionality.
type Client struct {
	HttpClient      *http.Client
	Headers         map[string]string
	RateLimiter     Limiter
	MaxRetries      int
	ShouldRetryFunc func(*http.Request, *http.Response, error) bool
}

// NewClient creates a new client with the given options.
func NewClient(opts ...Option) *Client {
	c := &Client{HttpClient: http.DefaultClient, Headers: make(map[string]string)}
	for _, opt := range opts {
		opt(c)
	}
	return c
}

// Do sends the request, waiting for the rate limiter and retrying as
// ShouldRetryFunc decides.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	for key, value := range c.Headers {
		req.Header.Set(key, value)
	}

	if c.RateLimiter != nil {
		if err := c.RateLimiter.Wait(req.Context()); err != nil {
			return nil, fmt.Errorf("failed to wait for rate limiter: %w", err)
		}
	}

	var resp *http.Response
	var body []byte
	var err error

	if req.Body != nil && req.Body != http.NoBody {
		body, err = io.ReadAll(req.Body)
		if err != nil {
			return nil, fmt.Errorf("failed to read request body: %w", err)
		}
		if err = req.Body.Close(); err != nil {
			return nil, fmt.Errorf("failed to close request body: %w", err)
		}
	}

	for attempt := 0; attempt <= c.MaxRetries; attempt++ {
		if len(body) > 0 {
			req.Body = io.NopCloser(bytes.NewReader(body))
		}

		resp, err = c.HttpClient.Do(req)

		if req.Context().Err() != nil {
			return nil, fmt.Errorf("request context error: %w", req.Context().Err())
		}

		if c.ShouldRetryFunc != nil && !c.ShouldRetryFunc(req, resp, err) {
			break
		}

		if attempt < c.MaxRetries {
			select {
			case <-time.After(time.Duration(attempt) * time.Second):
			case <-req.Context().Done():
				return nil, req.Context().Err()
			}
		}
	}

	if err != nil {
		return nil, fmt.Errorf("failed to do request: %w", err)
	}
	return resp, nil
}

// Get sends a GET request to the given URL.
func (c *Client) Get(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Post sends a POST request to the given URL with the given body.
func (c *Client) Post(url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Put sends a PUT request to the given URL.
func (c *Client) Put(url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Patch sends a PATCH request to the given URL.
func (c *Client) Patch(url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPatch, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Delete sends a DELETE request to the given URL.
func (c *Client) Delete(url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodDelete, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// Option configures a Client.
type Option func(*Client)

// WithClient sets the http client for the client.
func WithClient(client *http.Client) Option {
	return func(c *Client) { c.HttpClient = client }
}

// WithBasicAuth sets the basic auth header for the client.
func WithBasicAuth(username, password string) Option {
	return func(c *Client) {
		c.Headers["Authorization"] = "Basic " + base64.StdEncoding.EncodeToString([]byte(username+":"+password))
	}
}

// WithRetries sets the retry count and retry function for the client.
func WithRetries(count int, retryFunc func(*http.Request, *http.Response, error) bool) Option {
	return func(c *Client) {
		c.MaxRetries = count
		c.ShouldRetryFunc = retryFunc
	}
}
