// Package good is nokia/restful's Client after PR #5: when retries are
// on, Do takes a copy of the body from the request's GetBody before the
// first attempt and puts a fresh copy in the request before each retry.
package good

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"
)

var defaultClient = NewClient()

// Client is an instance of RESTful client.
type Client struct {
	client           *http.Client
	rootURL          string
	userAgent        string
	retries          int
	retryBackoffInit time.Duration
	retryBackoffMax  time.Duration
}

// NewClient creates a RESTful client instance.
func NewClient() *Client {
	return &Client{client: &http.Client{}}
}

// Root sets the client's root URL for relative targets.
func (c *Client) Root(rootURL string) *Client {
	c.rootURL = rootURL
	return c
}

// Retry sets how many times, and with what backoff, a request is sent
// again if the connection failed or a gateway returned 502, 503 or 504.
func (c *Client) Retry(retries int, backoffInit time.Duration, backoffMax time.Duration) *Client {
	c.retries = retries
	if backoffMax < backoffInit {
		backoffMax = backoffInit * (1 << 7)
	}
	c.retryBackoffInit = backoffInit
	c.retryBackoffMax = backoffMax
	c.client.Timeout = 2 * backoffInit
	return c
}

func errDeadlineOrCancel(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// Do sends an HTTP request and returns an HTTP response.
func (c *Client) Do(ctx context.Context, req *http.Request) (*http.Response, error) {
	req = req.WithContext(ctx)

	target, err := c.setReqTarget(req)
	if err != nil {
		return nil, err
	}
	if c.userAgent != "" && req.Header.Get("User-agent") == "" {
		req.Header.Set("User-agent", c.userAgent)
	}

	var body io.ReadCloser
	if c.retries > 0 {
		body, _ = req.GetBody()
	}

	resp, err := c.do(req)

	for retries := 0; retries < c.retries && !errDeadlineOrCancel(err) && (resp == nil || (resp.StatusCode >= 502 && resp.StatusCode <= 504)); retries++ {
		if resp != nil {
			_ = resp.Body.Close()
		}

		if body != nil {
			req.Body = body
			body, _ = req.GetBody()
		}

		time.Sleep(c.calcBackoff(retries))
		log.Printf("Send rty(%d): %s: err=%v", retries, target, err)
		resp, err = c.do(req)
	}
	if err != nil {
		return nil, err
	}
	return resp, err
}

func (c *Client) setReqTarget(req *http.Request) (target string, err error) {
	target = req.URL.String()
	if len(target) == 0 || target[0] == '/' {
		target = c.rootURL + target
		req.URL, err = url.Parse(target)
	}
	return
}

func (c *Client) do(req *http.Request) (*http.Response, error) {
	resp, err := c.client.Do(req)
	// Workaround for https://github.com/golang/go/issues/36026
	if err, ok := err.(*url.Error); ok && err.Timeout() {
		c.client.CloseIdleConnections()
	}
	return resp, err
}

func (c *Client) calcBackoff(retry int) time.Duration {
	backoff := (1 << retry) * c.retryBackoffInit
	if backoff > c.retryBackoffMax || backoff == 0 {
		backoff = c.retryBackoffMax
	}
	return backoff
}

// SendRequest sends an HTTP request with JSON data. The caller closes the
// response body.
func (c *Client) SendRequest(ctx context.Context, method string, target string, headers http.Header, data any) (*http.Response, error) {
	var body []byte
	if data != nil {
		b, err := json.Marshal(data)
		if err != nil {
			return nil, err
		}
		body = b
	}
	return c.sendRequestBytes(ctx, method, target, headers, body)
}

func (c *Client) sendRequestBytes(ctx context.Context, method string, target string, headers http.Header, body []byte) (*http.Response, error) {
	var req *http.Request
	var err error
	if len(body) > 0 {
		req, err = http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
	} else {
		req, err = http.NewRequestWithContext(ctx, method, target, nil)
		if err != nil {
			return nil, err
		}
	}
	for header, values := range headers {
		req.Header[header] = append(req.Header[header], values...)
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	return c.Do(ctx, req)
}

// SendRecv2xx sends the request and decodes a 2xx response into respData.
func (c *Client) SendRecv2xx(ctx context.Context, method string, target string, headers http.Header, reqData, respData any) (*http.Response, error) {
	resp, err := c.SendRequest(ctx, method, target, headers, reqData)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		return nil, fmt.Errorf("unexpected response: %s: %s", resp.Status, body)
	}
	if respData != nil && len(body) > 0 {
		err = json.Unmarshal(body, respData)
	}
	return resp, err
}

// PostForm posts data as "application/x-www-form-urlencoded" and returns
// the Location URL, if any.
func (c *Client) PostForm(ctx context.Context, target string, reqData url.Values, respData any) (*url.URL, error) {
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(reqData.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")

	resp, err := c.Do(ctx, req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return nil, fmt.Errorf("unexpected response: %s", resp.Status)
	}
	if respData != nil {
		if err := json.NewDecoder(resp.Body).Decode(respData); err != nil && err != io.EOF {
			return nil, err
		}
	}
	location, _ := resp.Location()
	return location, nil
}

// Post sends a POST request to create a resource and returns its Location.
func (c *Client) Post(ctx context.Context, target string, reqData, respData any) (*url.URL, error) {
	resp, err := c.SendRecv2xx(ctx, http.MethodPost, target, nil, reqData, respData)
	if resp != nil {
		location, _ := resp.Location()
		return location, err
	}
	return nil, err
}

// Post sends a POST request with the default client.
func Post(ctx context.Context, target string, reqData, respData any) (*url.URL, error) {
	return defaultClient.Post(ctx, target, reqData, respData)
}

// Put updates a resource with the default client's settings.
func (c *Client) Put(ctx context.Context, target string, reqData, respData any) (*url.URL, error) {
	resp, err := c.SendRecv2xx(ctx, http.MethodPut, target, nil, reqData, respData)
	if resp != nil {
		location, _ := resp.Location()
		return location, err
	}
	return nil, err
}
