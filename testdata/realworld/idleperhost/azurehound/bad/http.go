// Package bad is the shape of SpecterOps/AzureHound's REST client before
// PR #51: the collector's transport, a clone of http.DefaultTransport,
// allows 200 connections per host for its concurrent listing calls to the
// Graph and ARM APIs, but keeps the default 2 of them idle, so every burst
// ends with all but 2 connections closed and the next one opens new ones.
package bad

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"time"
)

func NewHTTPClient(proxyUrl string) (*http.Client, error) {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxConnsPerHost = 200
	transport.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	// many concurrent calls make TLS handshakes slower
	transport.TLSHandshakeTimeout = 20 * time.Second
	transport.ResponseHeaderTimeout = 5 * time.Minute

	jar, _ := cookiejar.New(nil)
	if proxyUrl != "" {
		u, err := url.Parse(proxyUrl)
		if err != nil {
			return nil, err
		}
		transport.Proxy = http.ProxyURL(u)
	}
	return &http.Client{Jar: jar, Transport: transport}, nil
}

func NewRequest(ctx context.Context, verb string, endpoint *url.URL, body interface{}, params map[string]string) (*http.Request, error) {
	if params != nil {
		q := endpoint.Query()
		for k, v := range params {
			q.Set(k, v)
		}
		endpoint.RawQuery = q.Encode()
	}
	var buf io.Reader
	switch b := body.(type) {
	case nil:
	case url.Values:
		buf = strings.NewReader(b.Encode())
	default:
		data := new(bytes.Buffer)
		if err := json.NewEncoder(data).Encode(b); err != nil {
			return nil, err
		}
		buf = data
	}
	req, err := http.NewRequestWithContext(ctx, verb, endpoint.String(), buf)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

type RestClient interface {
	Get(ctx context.Context, path string, params map[string]string) (*http.Response, error)
	Post(ctx context.Context, path string, body interface{}, params map[string]string) (*http.Response, error)
}

func NewRestClient(apiUrl string, proxyUrl string) (RestClient, error) {
	api, err := url.Parse(apiUrl)
	if err != nil {
		return nil, err
	}
	h, err := NewHTTPClient(proxyUrl)
	if err != nil {
		return nil, err
	}
	return &restClient{api: *api, http: h}, nil
}

type restClient struct {
	api   url.URL
	http  *http.Client
	mutex sync.RWMutex
	token string
}

func (s *restClient) Get(ctx context.Context, path string, params map[string]string) (*http.Response, error) {
	endpoint := s.api.ResolveReference(&url.URL{Path: path})
	req, err := NewRequest(ctx, http.MethodGet, endpoint, nil, params)
	if err != nil {
		return nil, err
	}
	return s.send(req)
}

func (s *restClient) Post(ctx context.Context, path string, body interface{}, params map[string]string) (*http.Response, error) {
	endpoint := s.api.ResolveReference(&url.URL{Path: path})
	req, err := NewRequest(ctx, http.MethodPost, endpoint, body, params)
	if err != nil {
		return nil, err
	}
	return s.send(req)
}

func (s *restClient) send(req *http.Request) (*http.Response, error) {
	s.mutex.RLock()
	req.Header.Set("Authorization", s.token)
	s.mutex.RUnlock()
	for retry := 0; retry < 3; retry++ {
		res, err := s.http.Do(req)
		if err != nil {
			return nil, err
		}
		if res.StatusCode < http.StatusInternalServerError {
			return res, nil
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		time.Sleep(time.Duration(retry+1) * 5 * time.Second)
	}
	return nil, fmt.Errorf("unable to complete the request after 3 attempts")
}

// ListUsers lists the tenant's users page by page, several pages in flight.
func ListUsers(ctx context.Context, c RestClient, pages []string) {
	var wg sync.WaitGroup
	for _, p := range pages {
		wg.Go(func() {
			if res, err := c.Get(ctx, "/v1.0/users", map[string]string{"$skiptoken": p}); err == nil {
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
		})
	}
	wg.Wait()
}
