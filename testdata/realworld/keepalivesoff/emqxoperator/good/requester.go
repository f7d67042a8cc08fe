// Package good is emqx-operator's internal/requester after commit
// dea7bc45 (PR #1076): requests no longer set Close, and every Request
// sends through one package-level client and transport.
package good

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

var httpClient = &http.Client{
	Transport: &http.Transport{
		MaxIdleConns:       10,
		IdleConnTimeout:    30 * time.Second,
		DisableCompression: true,
	},
}

// Requester sends requests to one EMQX node's management API.
type Requester struct {
	Schema   string
	Host     string
	Username string
	Password string
}

// GetSchema returns the URL scheme, http unless set.
func (r *Requester) GetSchema() string {
	if r.Schema == "" {
		return "http"
	}
	return r.Schema
}

// GetURL returns the URL of path on the node.
func (r *Requester) GetURL(path string, query ...string) url.URL {
	u := url.URL{Scheme: r.GetSchema(), Host: r.Host, Path: path}
	for _, q := range query {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += q
	}
	return u
}

// Request sends method to u and returns the answer and its body.
func (r *Requester) Request(method string, u url.URL, body []byte, header http.Header) (*http.Response, []byte, error) {
	if u.Scheme == "" {
		u.Scheme = r.GetSchema()
	}
	if u.Host == "" {
		u.Host = r.Host
	}
	req, err := http.NewRequest(method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, nil, fmt.Errorf("failed to create request: %w", err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if req.Header.Get("Authorization") == "" {
		req.SetBasicAuth(r.Username, r.Password)
	}
	if req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}

	resp, err := httpClient.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to request API: %w", err)
	}
	defer resp.Body.Close()
	respBody, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp, nil, fmt.Errorf("failed to read response body: %w", err)
	}
	return resp, respBody, nil
}
