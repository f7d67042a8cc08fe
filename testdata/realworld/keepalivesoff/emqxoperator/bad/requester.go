// Package bad is the shape of emqx-operator's internal/requester before
// commit dea7bc45 (PR #1076, "fix: try to fix EOF error"): Request sends
// every call to the EMQX management API with Close set, on a client built
// around a fresh clone of http.DefaultTransport (TLS verification off).
// The EMQX controller (package controller here) calls it on every
// reconcile, once per ready pod, to check whether that node may serve
// (the load-rebalance availability check), so none of these requests
// reuses a connection: each dials (and, for https, handshakes with) the
// node anew, and each closed connection leaves a TIME_WAIT socket on one
// side. The commit, which the PR titles an attempt to fix EOF errors from
// the API, drops Close and sends through one package-level client.
package bad

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

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
	req.Close = true

	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig.InsecureSkipVerify = true
	httpClient := http.Client{Transport: tr}
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
