// Package bad is the shape of JamesClonk/vultr's API client (lib/client.go)
// before PR #39 (commit 8cb6b59): do sends the one *http.Request it is
// given on every attempt of its retry loop, so when a POST (post builds it
// on a strings.Reader of the form values) is answered 500 or 503 and
// retried, the body the first attempt consumed is gone and the retry fails
// with "http: ContentLength=N with Body length 0". The rate-limit bucket
// (juju/ratelimit), the API key in the query and the empty-array quirk of
// the JSON decoding are left out.
package bad

import (
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
	var apiError error
	for try := 1; try <= c.MaxAttempts; try++ {
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
