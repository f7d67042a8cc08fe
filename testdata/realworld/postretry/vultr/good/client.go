// Package good is the client after PR #39: do reads the request's body
// once before the loop and gives every attempt a new reader of those bytes.
package good

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client talks to the Vultr API.
type Client struct {
	client      *http.Client
	Endpoint    *url.URL
	UserAgent   string
	MaxAttempts int
}

// NewClient returns a client that tries each request up to maxRetries+1
// times.
func NewClient(maxRetries int) *Client {
	transport := &http.Transport{
		TLSNextProto: make(map[string]func(string, *tls.Conn) http.RoundTripper),
	}
	// As in the original, the transport is installed in http.DefaultClient
	// itself (the Options that let a caller pass a client are left out).
	client := http.DefaultClient
	client.Transport = transport
	endpoint, _ := url.Parse("https://api.vultr.com/")
	return &Client{
		client:      client,
		Endpoint:    endpoint,
		UserAgent:   "vultr-go",
		MaxAttempts: maxRetries + 1,
	}
}

func isCodeRetryable(code int) bool {
	return code == http.StatusServiceUnavailable || code == http.StatusInternalServerError
}

func (c *Client) newRequest(method, path string, body io.Reader) (*http.Request, error) {
	rel, err := url.Parse(path)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(method, c.Endpoint.ResolveReference(rel).String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Add("User-Agent", c.UserAgent)
	req.Header.Add("Accept", "application/json")
	if req.Method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return req, nil
}

func (c *Client) post(path string, values url.Values, data interface{}) error {
	req, err := c.newRequest(http.MethodPost, "/v1/"+path, strings.NewReader(values.Encode()))
	if err != nil {
		return err
	}
	return c.do(req, data)
}

func (c *Client) do(req *http.Request, data interface{}) error {
	var requestBody []byte
	if req.Body != nil {
		var err error
		requestBody, err = io.ReadAll(req.Body)
		if err != nil {
			return err
		}
		req.Body.Close()
	}
	var apiError error
	for try := 1; try <= c.MaxAttempts; try++ {
		if requestBody != nil {
			req.Body = io.NopCloser(bytes.NewBuffer(requestBody))
		}
		resp, err := c.client.Do(req)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			if data != nil {
				return json.Unmarshal(body, data)
			}
			return nil
		}
		apiError = errors.New(string(body))
		if !isCodeRetryable(resp.StatusCode) {
			break
		}
		time.Sleep(time.Duration(try) * time.Second)
	}
	return apiError
}

// CreateSSHKey posts a new key.
func (c *Client) CreateSSHKey(name, key string) error {
	values := url.Values{"name": {name}, "ssh_key": {key}}
	return c.post("sshkey/create", values, nil)
}
