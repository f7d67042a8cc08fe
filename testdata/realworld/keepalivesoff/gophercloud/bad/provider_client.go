// Package bad is the shape of gophercloud/gophercloud's ProviderClient
// before PR #1952 (issue #1838): doRequest, through which every call of
// every OpenStack service goes, sets req.Close on each request, so the
// long-lived client opens a new TCP (and TLS) connection for every call
// and leaves a TIME_WAIT socket behind.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// ProviderClient holds the authentication state shared by service clients.
type ProviderClient struct {
	IdentityEndpoint string
	TokenID          string
	HTTPClient       http.Client
	UserAgent        string
	ReauthFunc       func() error
	Context          context.Context

	mut sync.RWMutex
}

// RequestOpts customizes one request.
type RequestOpts struct {
	JSONBody     any
	RawBody      io.Reader
	JSONResponse any
	OkCodes      []int
	MoreHeaders  map[string]string
}

// requestState is the state of one Request call across reauthentication.
type requestState struct {
	hasReauthenticated bool
}

// ErrUnexpectedResponseCode is returned for a status outside OkCodes.
type ErrUnexpectedResponseCode struct {
	URL      string
	Method   string
	Expected []int
	Actual   int
	Body     []byte
}

func (e ErrUnexpectedResponseCode) Error() string {
	return fmt.Sprintf("%s %s: expected %v, got %d", e.Method, e.URL, e.Expected, e.Actual)
}

// Token returns the current token.
func (client *ProviderClient) Token() string {
	client.mut.RLock()
	defer client.mut.RUnlock()
	return client.TokenID
}

// AuthenticatedHeaders returns the headers that authenticate a request.
func (client *ProviderClient) AuthenticatedHeaders() map[string]string {
	t := client.Token()
	if t == "" {
		return nil
	}
	return map[string]string{"X-Auth-Token": t}
}

// Reauthenticate gets a new token unless another caller already did.
func (client *ProviderClient) Reauthenticate(previousToken string) error {
	if client.ReauthFunc == nil {
		return nil
	}
	if previousToken != "" && previousToken != client.Token() {
		return nil
	}
	return client.ReauthFunc()
}

func defaultOkCodes(method string) []int {
	switch method {
	case "GET", "HEAD":
		return []int{200}
	case "POST":
		return []int{201, 202}
	case "PUT", "PATCH":
		return []int{201, 202}
	case "DELETE":
		return []int{202, 204}
	}
	return []int{}
}

// Request performs an HTTP request with the client's token.
func (client *ProviderClient) Request(method, url string, options *RequestOpts) (*http.Response, error) {
	return client.doRequest(method, url, options, &requestState{})
}

func (client *ProviderClient) doRequest(method, url string, options *RequestOpts, state *requestState) (*http.Response, error) {
	var body io.Reader
	if options.JSONBody != nil {
		if options.RawBody != nil {
			return nil, errors.New("please provide only one of JSONBody or RawBody")
		}
		rendered, err := json.Marshal(options.JSONBody)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(rendered)
	}
	if options.RawBody != nil {
		body = options.RawBody
	}
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return nil, err
	}
	if client.Context != nil {
		req = req.WithContext(client.Context)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", client.UserAgent)
	for k, v := range options.MoreHeaders {
		if v != "" {
			req.Header.Set(k, v)
		} else {
			req.Header.Del(k)
		}
	}
	for k, v := range client.AuthenticatedHeaders() {
		req.Header.Set(k, v)
	}

	// Set connection parameter to close the connection immediately when we've got the response
	req.Close = true

	prereqtok := req.Header.Get("X-Auth-Token")
	resp, err := client.HTTPClient.Do(req)
	if err != nil {
		return nil, err
	}

	okc := options.OkCodes
	if okc == nil {
		okc = defaultOkCodes(method)
	}
	ok := false
	for _, code := range okc {
		if resp.StatusCode == code {
			ok = true
			break
		}
	}
	if !ok {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		respErr := ErrUnexpectedResponseCode{URL: url, Method: method, Expected: options.OkCodes, Actual: resp.StatusCode, Body: body}
		if resp.StatusCode == http.StatusUnauthorized && client.ReauthFunc != nil && !state.hasReauthenticated {
			if err := client.Reauthenticate(prereqtok); err != nil {
				return nil, fmt.Errorf("unable to reauthenticate: %w (after %v)", err, respErr)
			}
			if seeker, ok := options.RawBody.(io.Seeker); ok {
				seeker.Seek(0, io.SeekStart)
			}
			state.hasReauthenticated = true
			resp, err = client.doRequest(method, url, options, state)
			if err != nil {
				return nil, fmt.Errorf("error after reauthentication: %w", err)
			}
			return resp, nil
		}
		return resp, respErr
	}

	if options.JSONResponse != nil {
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(options.JSONResponse); err != nil {
			return nil, err
		}
	}
	return resp, nil
}
