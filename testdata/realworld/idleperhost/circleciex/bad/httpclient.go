// Package bad is the shape of circleci/ex's httpclient before PR #43: New
// clones http.DefaultTransport and caps the connections per host at the
// configured MaxConnectionsPerHost, but the service-to-service client,
// which talks to the one BaseURL, keeps the default 2 idle: most of the
// pooled connections are closed after each burst and reopened.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Config provides the client configuration.
type Config struct {
	Name                  string
	BaseURL               string
	AuthToken             string
	Timeout               time.Duration
	MaxConnectionsPerHost int
}

// Client is the instrumented http client.
type Client struct {
	name                  string
	baseURL               string
	httpClient            *http.Client
	backOffMaxElapsedTime time.Duration
	authToken             string
}

// New creates a client configured with the config param.
func New(cfg Config) *Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxConnsPerHost = cfg.MaxConnectionsPerHost
	return &Client{
		name:                  cfg.Name,
		baseURL:               cfg.BaseURL,
		backOffMaxElapsedTime: cfg.Timeout,
		authToken:             cfg.AuthToken,
		httpClient:            &http.Client{Transport: t},
	}
}

// Request is one call the client sends.
type Request struct {
	Method string
	Route  string
	Body   interface{}
}

// Call sends r to the client's server, retrying 5xx responses and
// transport errors until the configured timeout.
func (c *Client) Call(ctx context.Context, r Request) error {
	u, err := url.Parse(c.baseURL + r.Route)
	if err != nil {
		return err
	}
	deadline := time.Now().Add(c.backOffMaxElapsedTime)
	for wait := 50 * time.Millisecond; ; wait *= 2 {
		err = c.attempt(ctx, u.String(), r)
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(wait)
	}
}

func (c *Client) attempt(ctx context.Context, u string, r Request) error {
	var body io.Reader
	if r.Body != nil {
		b := &bytes.Buffer{}
		if err := json.NewEncoder(b).Encode(r.Body); err != nil {
			return err
		}
		body = b
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, u, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.authToken)
	res, err := c.httpClient.Do(req)
	if err != nil {
		return fmt.Errorf("call: %s %s failed with: %w", r.Method, r.Route, err)
	}
	defer func() {
		// drain the body so the connection can be kept alive
		_, _ = io.Copy(io.Discard, res.Body)
		_ = res.Body.Close()
	}()
	if res.StatusCode >= 500 {
		return errors.New(res.Status)
	}
	return nil
}
