// Package good is the plugin's REST client after PR #2: every response is
// drained to EOF before it is closed (exhaustCloseWithLogOnError), so its
// connection goes back to the pool whatever the status and the caller.
package good

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"time"
)

// Client is a client of the cluster's REST API.
type Client struct {
	url      string
	username string
	password string
	client   *http.Client
	log      *log.Logger
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
func NewClient(logger *log.Logger) *Client {
	return &Client{
		client: &http.Client{
			Timeout: timeout * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true},

				// Values copied from http.DefaultTransport
				MaxIdleConns:          100,
				IdleConnTimeout:       90 * time.Second,
				TLSHandshakeTimeout:   10 * time.Second,
				ExpectContinueTimeout: 1 * time.Second,
			},
		},
		log: logger,
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
	c.client.CloseIdleConnections()
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

	res, err := c.client.Do(req)
	if err != nil {
		return fmt.Errorf("unable to perform request %s %s: %w", method, path, err)
	}
	defer exhaustCloseWithLogOnError(c.log, res.Body)

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

// exhaustCloseWithLogOnError reads r to EOF and closes it, so that the
// connection of a response body can be reused.
func exhaustCloseWithLogOnError(logger *log.Logger, r io.ReadCloser) {
	if _, err := io.Copy(io.Discard, r); err != nil {
		logger.Printf("failed to exhaust reader, performance may be impacted: %v", err)
	}
	err := r.Close()
	if err == nil || errors.Is(err, os.ErrClosed) {
		return
	}
	logger.Printf("failed to close reader: %v", err)
}
