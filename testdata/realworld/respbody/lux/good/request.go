// Package good is lux's request package after PR #832 (commit 9aad330):
// Headers closes the body it does not read. Closing a body that is not
// at EOF ends its connection (the video is not drained, which is right
// for a download URL), and the connection's goroutines with it. The PR
// left Request's retry loop as it was: a 4xx or 5xx answer it retries is
// still dropped unclosed.
package good

import (
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

var retryTimes = 3

// Request sends a request with the fake browser headers, retrying
// failures and 4xx/5xx answers.
func Request(method, url string, body io.Reader, headers map[string]string) (*http.Response, error) {
	transport := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DisableCompression:  true,
		TLSHandshakeTimeout: 10 * time.Second,
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
	}
	client := &http.Client{
		Transport: transport,
		Timeout:   15 * time.Minute,
	}

	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return nil, err
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	if _, ok := headers["Referer"]; !ok {
		req.Header.Set("Referer", url)
	}

	var (
		res          *http.Response
		requestError error
	)
	for i := 0; ; i++ {
		res, requestError = client.Do(req)
		if requestError == nil && res.StatusCode < 400 {
			break
		} else if i+1 >= retryTimes {
			if requestError != nil {
				return nil, fmt.Errorf("request error: %v", requestError)
			}
			return nil, fmt.Errorf("%s request error: HTTP %d", url, res.StatusCode)
		}
		time.Sleep(1 * time.Second)
	}
	return res, nil
}

// GetByte returns the body of url.
func GetByte(url, refer string) ([]byte, error) {
	res, err := Request(http.MethodGet, url, nil, map[string]string{"Referer": refer})
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

// Headers returns the HTTP headers of url.
func Headers(url, refer string) (http.Header, error) {
	headers := map[string]string{
		"Referer": refer,
	}
	res, err := Request(http.MethodGet, url, nil, headers)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return res.Header, nil
}

// Size returns the Content-Length of url.
func Size(url, refer string) (int64, error) {
	h, err := Headers(url, refer)
	if err != nil {
		return 0, err
	}
	s := h.Get("Content-Length")
	if s == "" {
		return 0, errors.New("Content-Length is not present")
	}
	return strconv.ParseInt(s, 10, 64)
}

// ContentType returns the Content-Type of url.
func ContentType(url, refer string) (string, error) {
	h, err := Headers(url, refer)
	if err != nil {
		return "", err
	}
	return h.Get("Content-Type"), nil
}
