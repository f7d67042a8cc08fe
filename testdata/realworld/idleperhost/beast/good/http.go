// Package good is beast's client package after the fix of issue #43: the
// transport keeps as many idle connections, per host too, as the run has
// parallel requests (or the configured number), and Execute drains each
// body so that its connection goes back to the pool.
package good

import (
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"time"

	"example.com/realworld/idleperhost/beast/good/config"
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
func NewClient(cfg *config.Config, parallelConns int) *Client {
	tlsConf := &tls.Config{InsecureSkipVerify: cfg.DisableCertificateCheck}
	maxIdleConns := cfg.GetMaxIdleConnections(parallelConns)
	transport := &http.Transport{
		DisableCompression:  cfg.DisableCompression,
		DisableKeepAlives:   cfg.DisableKeepAlives,
		MaxConnsPerHost:     cfg.MaxConnections,
		MaxIdleConns:        maxIdleConns,
		MaxIdleConnsPerHost: maxIdleConns,
		TLSClientConfig:     tlsConf,
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
	io.Copy(io.Discard, resp.Body)
	return &Response{StatusCode: resp.StatusCode, Duration: duration}
}
