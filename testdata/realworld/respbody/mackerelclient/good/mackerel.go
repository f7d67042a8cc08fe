// Package good is mackerel-client-go after PR #110 (commit ee08716):
// closeResponse reads what is left of the body before it closes it, so
// the connection goes back to the pool whatever the method read.
package good

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

const (
	defaultBaseURL    = "https://api.mackerelio.com/"
	apiRequestTimeout = 30 * time.Second
)

// APIError is an answer outside 2xx.
type APIError struct {
	StatusCode int
	Message    string
}

func (e *APIError) Error() string { return fmt.Sprintf("API error %d: %s", e.StatusCode, e.Message) }

// Client is a client of the Mackerel API.
type Client struct {
	BaseURL    *url.URL
	APIKey     string
	UserAgent  string
	HTTPClient *http.Client
}

// NewClient returns a client of the public API.
func NewClient(apiKey string) (*Client, error) {
	u, err := url.Parse(defaultBaseURL)
	if err != nil {
		return nil, err
	}
	return &Client{
		BaseURL:    u,
		APIKey:     apiKey,
		UserAgent:  "mackerel-client-go",
		HTTPClient: &http.Client{Timeout: apiRequestTimeout},
	}, nil
}

func (c *Client) urlFor(path string) *url.URL {
	u := *c.BaseURL
	u.Path = path
	return &u
}

// errorMessage returns the message of an error answer's JSON.
func errorMessage(r io.Reader) string {
	var data struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.NewDecoder(r).Decode(&data); err != nil {
		return ""
	}
	return data.Error.Message
}

// Request sends req with the API key; an answer outside 2xx becomes an
// *APIError.
func (c *Client) Request(req *http.Request) (*http.Response, error) {
	req.Header.Set("X-Api-Key", c.APIKey)
	req.Header.Set("User-Agent", c.UserAgent)
	resp, err := c.HTTPClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		message := errorMessage(resp.Body)
		defer resp.Body.Close()
		if message == "" {
			message = resp.Status
		}
		return nil, &APIError{StatusCode: resp.StatusCode, Message: message}
	}
	return resp, nil
}

// PostJSON posts payload as JSON to path.
func (c *Client) PostJSON(path string, payload any) (*http.Response, error) {
	return c.requestJSON("POST", path, payload)
}

// PutJSON puts payload as JSON to path.
func (c *Client) PutJSON(path string, payload any) (*http.Response, error) {
	return c.requestJSON("PUT", path, payload)
}

func (c *Client) requestJSON(method, path string, payload any) (*http.Response, error) {
	var body bytes.Buffer
	if err := json.NewEncoder(&body).Encode(payload); err != nil {
		return nil, err
	}
	req, err := http.NewRequest(method, c.urlFor(path).String(), &body)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Content-Type", "application/json")
	return c.Request(req)
}

func closeResponse(resp *http.Response) {
	if resp != nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}
