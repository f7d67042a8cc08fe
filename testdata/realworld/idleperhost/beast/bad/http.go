// Package bad is the shape of jjmrocha/beast's client package before the
// fix of issue #43: the stress tester builds one transport for a run and
// sends the run's requests to the API under test from nParallel goroutines
// at once (package cmd), but sets only MaxConnsPerHost from the
// configuration (0, unlimited, by default), leaving the per-host idle pool
// at 2; the connections beyond 2 were closed after each request and the
// run failed with "connection reset by peer" among thousands of sockets in
// TIME_WAIT. (Execute also closed bodies unread, which keeps a connection
// out of the pool as well; the fix drained them too.)
package bad

import (
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"time"

	"example.com/realworld/idleperhost/beast/bad/config"
)

// httpClient exists so that tests can mock the client.
type httpClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Client represents an HTTP client.
type Client struct {
	native httpClient
}

// NewClient creates a Client from the configuration.
func NewClient(cfg *config.Config) *Client {
	tlsConf := &tls.Config{InsecureSkipVerify: cfg.DisableCertificateCheck}
	transport := &http.Transport{
		DisableCompression: cfg.DisableCompression,
		DisableKeepAlives:  cfg.DisableKeepAlives,
		MaxConnsPerHost:    cfg.MaxConnections,
		TLSClientConfig:    tlsConf,
	}
	native := &http.Client{
		Transport: transport,
		Timeout:   time.Duration(cfg.RequestTimeout) * time.Second,
	}
	if cfg.DisableRedirects {
		native.CheckRedirect = func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}
	}
	return &Client{native: native}
}

// Request is one request of the run.
type Request struct {
	native *http.Request
}

// BuildRequest wraps req.
func BuildRequest(req *http.Request) *Request {
	return &Request{native: req}
}

func (r *Request) String() string {
	return fmt.Sprintf("%s %s", r.native.Method, r.native.URL)
}

// Response is the outcome of one request.
type Response struct {
	StatusCode int
	Duration   time.Duration
}

// Execute sends request and measures the time it took.
func (c *Client) Execute(request *Request) *Response {
	start := time.Now()
	resp, err := c.native.Do(request.native)
	duration := time.Since(start)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) && urlErr.Timeout() {
			return &Response{StatusCode: -400, Duration: duration}
		}
		log.Printf("Error executing request '%v': %v\n", request, err)
		return &Response{StatusCode: -500, Duration: duration}
	}
	defer resp.Body.Close()
	return &Response{StatusCode: resp.StatusCode, Duration: duration}
}
