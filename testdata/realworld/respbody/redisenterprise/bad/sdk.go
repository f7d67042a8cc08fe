// Package bad is the shape of RedisLabs/vault-plugin-database-redis-enterprise's
// REST client before PR #2: request closes every response with a deferred
// Close, but reads the body only for an error status or when the caller
// wants the answer. A successful PUT or DELETE (password rotation, user
// revocation: the calls Vault makes most) is closed unread, and the
// transport drops its connection instead of reusing it.
package bad

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Client is a client of the cluster's REST API.
type Client struct {
	url      string
	username string
	password string
	Client   *http.Client
}

// HttpError is an unexpected status.
type HttpError struct {
	method, path string
	status       int
	body         string
}

func (e *HttpError) Error() string {
	return fmt.Sprintf("%s %s: %d %s", e.method, e.path, e.status, e.body)
}

const timeout = 60

// NewClient returns a client; Initialise sets where it connects.
func NewClient() *Client {
	return &Client{
		Client: &http.Client{
			Timeout: timeout * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
			},
		},
	}
}

// Initialise sets the cluster's URL and credentials.
func (c *Client) Initialise(url, username, password string) {
	c.url = strings.TrimSuffix(url, "/")
	c.username = username
	c.password = password
}

// Close releases the idle connections.
func (c *Client) Close() error {
	c.Client.CloseIdleConnections()
	return nil
}

func (c *Client) request(ctx context.Context, method, path string, requestBody, responseBody any) error {
	url := fmt.Sprintf("%s%s", c.url, path)
	requestBodyReader := &bytes.Buffer{}
	if requestBody != nil {
		if err := json.NewEncoder(requestBodyReader).Encode(requestBody); err != nil {
			return fmt.Errorf("unable to encode request body %s %s: %w", method, path, err)
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, url, requestBodyReader)
	if err != nil {
		return fmt.Errorf("unable to perform request %s %s: %w", method, path, err)
	}
	req.SetBasicAuth(c.username, c.password)
	req.Header.Set("Accept", "application/json")
	if requestBody != nil {
		req.Header.Set("Content-Type", "application/json;charset=utf-8")
	}

	res, err := c.Client.Do(req)
	if err != nil {
		return fmt.Errorf("unable to perform request %s %s: %w", method, path, err)
	}
	defer res.Body.Close()

	if res.StatusCode != http.StatusOK {
		body, err := io.ReadAll(res.Body)
		if err != nil {
			return fmt.Errorf("unable to perform request %s %s (%d): %w", method, path, res.StatusCode, err)
		}
		return &HttpError{method: method, path: path, status: res.StatusCode, body: strings.TrimSpace(string(body))}
	}
	if responseBody != nil {
		if err := json.NewDecoder(res.Body).Decode(responseBody); err != nil {
			return fmt.Errorf("unable to decode response %s %s: %w", method, path, err)
		}
	}
	return nil
}
