// Package rest is the sidecar's small client for the Graylog REST API.
package rest

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"path"
	"time"
)

const (
	defaultBaseURL = "http://127.0.0.1:9000/api/"
	userAgent      = "Graylog Collector v0.1"
	mediaType      = "application/json"
)

// Client talks to one Graylog server.
type Client struct {
	client    *http.Client
	BaseURL   *url.URL
	UserAgent string
}

// ErrorResponse is an answer outside 2xx.
type ErrorResponse struct {
	Response *http.Response
	Message  string `json:"message"`
}

func (r *ErrorResponse) Error() string {
	return fmt.Sprintf("%v %v: %d %v", r.Response.Request.Method, r.Response.Request.URL, r.Response.StatusCode, r.Message)
}

// NewHTTPClient returns the client the sidecar shares between all its
// requests, on a transport with the sidecar's TLS settings.
func NewHTTPClient(tlsConfig *tls.Config) *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			Proxy: http.ProxyFromEnvironment,
			Dial: (&net.Dialer{
				Timeout:   30 * time.Second,
				KeepAlive: 30 * time.Second,
			}).Dial,
			TLSClientConfig:       tlsConfig,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
			DisableCompression:    true,
		},
	}
}

// NewClient returns a client on httpClient, which must not be nil.
func NewClient(httpClient *http.Client) *Client {
	if httpClient == nil {
		log.Fatal("http client must not be nil")
	}
	baseURL, _ := url.Parse(defaultBaseURL)
	return &Client{client: httpClient, BaseURL: baseURL, UserAgent: userAgent}
}

// NewRequest builds a request for urlStr below the base URL, with params
// as its query and body encoded as JSON.
func (c *Client) NewRequest(method, urlStr string, params map[string]string, body any) (*http.Request, error) {
	rel, err := url.Parse(urlStr)
	if err != nil {
		return nil, err
	}
	if len(params) != 0 {
		q := rel.Query()
		for k, v := range params {
			q.Set(k, v)
		}
		rel.RawQuery = q.Encode()
	}
	rel.Path = path.Join(c.BaseURL.Path, rel.Path)
	u := c.BaseURL.ResolveReference(rel)

	buf := new(bytes.Buffer)
	if body != nil {
		if err := json.NewEncoder(buf).Encode(body); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequest(method, u.String(), buf)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Content-Type", mediaType)
	req.Header.Add("Accept", mediaType)
	req.Header.Add("User-Agent", c.UserAgent)
	return req, nil
}

// CheckResponse returns an *ErrorResponse for an answer outside 2xx.
func CheckResponse(r *http.Response) error {
	if c := r.StatusCode; c >= 200 && c <= 299 {
		return nil
	}
	errorResponse := &ErrorResponse{Response: r}
	data, err := io.ReadAll(r.Body)
	if err == nil && len(data) > 0 {
		if err := json.Unmarshal(data, errorResponse); err != nil {
			return err
		}
	}
	return errorResponse
}

// Do sends req and decodes the answer into v.
func (c *Client) Do(req *http.Request, v any) (resp *http.Response, err error) {
	resp, err = c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() {
		if rerr := resp.Body.Close(); err == nil {
			err = rerr
		}
	}()
	if err = CheckResponse(resp); err != nil {
		return resp, err
	}
	if v != nil {
		if w, ok := v.(io.Writer); ok {
			_, err = io.Copy(w, resp.Body)
		} else {
			err = json.NewDecoder(resp.Body).Decode(v)
		}
	}
	return resp, err
}
