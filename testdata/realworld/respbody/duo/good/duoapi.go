// Package good is the client after PR #38 (merge 96a8851): a 429 response
// is closed before the backoff sleep, so its connection is released. (It
// is closed unread, so that connection is not reused; and a POST's form
// body, consumed by the first attempt, is still sent again on the retry.
// The PR fixed neither.)
package good

import (
	"crypto/tls"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	initialBackoffMS  = 1000
	maxBackoffMS      = 32000
	backoffFactor     = 2
	rateLimitHttpCode = 429
)

type httpClient interface {
	Do(req *http.Request) (*http.Response, error)
}

// DuoApi is a client of one Duo API host.
type DuoApi struct {
	host       string
	userAgent  string
	apiClient  httpClient
	authClient httpClient
}

// NewDuoApi returns a client of host.
func NewDuoApi(host, userAgent string, timeout time.Duration) *DuoApi {
	tr := &http.Transport{
		Proxy:           http.ProxyFromEnvironment,
		TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12},
	}
	return &DuoApi{
		host:       host,
		userAgent:  userAgent,
		apiClient:  &http.Client{Timeout: timeout, Transport: tr},
		authClient: &http.Client{Transport: tr},
	}
}

// SignedCall makes a Duo REST API call.
func (duoapi *DuoApi) SignedCall(method, uri string, params url.Values, useTimeout bool) (*http.Response, []byte, error) {
	u := url.URL{Scheme: "https", Host: duoapi.host, Path: uri}
	method = strings.ToUpper(method)
	if method == "GET" {
		u.RawQuery = params.Encode()
	}
	headers := map[string]string{"User-Agent": duoapi.userAgent}
	var requestBody io.ReadCloser
	if method == "POST" || method == "PUT" {
		headers["Content-Type"] = "application/x-www-form-urlencoded"
		requestBody = io.NopCloser(strings.NewReader(params.Encode()))
	}
	return duoapi.makeRetryableHttpCall(method, u, headers, requestBody, useTimeout)
}

func (duoapi *DuoApi) makeRetryableHttpCall(method string, u url.URL, headers map[string]string, body io.ReadCloser, useTimeout bool) (*http.Response, []byte, error) {
	client := duoapi.authClient
	if useTimeout {
		client = duoapi.apiClient
	}

	backoffMs := initialBackoffMS
	for {
		request, err := http.NewRequest(method, u.String(), nil)
		if err != nil {
			return nil, nil, err
		}
		for k, v := range headers {
			request.Header.Set(k, v)
		}
		if body != nil {
			request.Body = body
		}

		resp, err := client.Do(request)
		var respBody []byte
		if err != nil {
			return resp, respBody, err
		}

		if backoffMs > maxBackoffMS || resp.StatusCode != rateLimitHttpCode {
			respBody, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			return resp, respBody, err
		}

		resp.Body.Close()

		time.Sleep(time.Millisecond * time.Duration(backoffMs))
		backoffMs *= backoffFactor
	}
}
