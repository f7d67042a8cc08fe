// Package good is gobuster's libgobuster after PR #140: the transport keeps
// up to 100 idle connections, per host too, so the threads' connections to
// the target are reused.
package good

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// HTTPClient sends the requests of one run.
type HTTPClient struct {
	client    *http.Client
	context   context.Context
	userAgent string
	username  string
	password  string
}

// HTTPOptions are the HTTP settings given on the command line.
type HTTPOptions struct {
	Proxy          string
	Username       string
	Password       string
	UserAgent      string
	Timeout        time.Duration
	FollowRedirect bool
	InsecureSSL    bool
}

// NewHTTPClient builds the client of a run.
func NewHTTPClient(ctx context.Context, opt *HTTPOptions) (*HTTPClient, error) {
	if opt == nil {
		return nil, errors.New("options is nil")
	}
	proxy := http.ProxyFromEnvironment
	if opt.Proxy != "" {
		u, err := url.Parse(opt.Proxy)
		if err != nil {
			return nil, fmt.Errorf("proxy URL is invalid (%v)", err)
		}
		proxy = http.ProxyURL(u)
	}
	var redirect func(*http.Request, []*http.Request) error
	if !opt.FollowRedirect {
		redirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	c := &HTTPClient{context: ctx, userAgent: opt.UserAgent, username: opt.Username, password: opt.Password}
	c.client = &http.Client{
		Timeout:       opt.Timeout,
		CheckRedirect: redirect,
		Transport: &http.Transport{
			Proxy:               proxy,
			MaxIdleConns:        100,
			MaxIdleConnsPerHost: 100,
			TLSClientConfig:     &tls.Config{InsecureSkipVerify: opt.InsecureSSL},
		},
	}
	return c, nil
}

// Get requests fullURL and returns its status and length.
func (c *HTTPClient) Get(fullURL, host, cookie string) (*int, *int64, error) {
	return c.requestWithoutBody(http.MethodGet, fullURL, host, cookie, nil)
}

// Post posts data to fullURL and returns its status and length.
func (c *HTTPClient) Post(fullURL, host, cookie string, data io.Reader) (*int, *int64, error) {
	return c.requestWithoutBody(http.MethodPost, fullURL, host, cookie, data)
}

func (c *HTTPClient) requestWithoutBody(method, fullURL, host, cookie string, data io.Reader) (*int, *int64, error) {
	resp, err := c.makeRequest(method, fullURL, host, cookie, data)
	if err != nil {
		if c.context.Err() == context.Canceled {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	defer resp.Body.Close()
	// drained so that the connection can go back to the pool
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return nil, nil, err
	}
	return &resp.StatusCode, &n, nil
}

func (c *HTTPClient) makeRequest(method, fullURL, host, cookie string, data io.Reader) (*http.Response, error) {
	var req *http.Request
	var err error
	switch method {
	case http.MethodGet:
		req, err = http.NewRequest(http.MethodGet, fullURL, nil)
	case http.MethodPost:
		req, err = http.NewRequest(http.MethodPost, fullURL, data)
	default:
		return nil, fmt.Errorf("invalid method %s", method)
	}
	if err != nil {
		return nil, err
	}
	req = req.WithContext(c.context)
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	if host != "" {
		req.Host = host
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	if c.username != "" {
		req.SetBasicAuth(c.username, c.password)
	}
	return c.client.Do(req)
}
