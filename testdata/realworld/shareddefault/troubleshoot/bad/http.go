// Package bad is the shape of replicatedhq/troubleshoot's HTTP collector
// before PR #376: each of its GET, POST and PUT helpers sets
// http.DefaultTransport's TLSClientConfig from the collector's
// InsecureSkipVerify option before sending through http.DefaultClient, so
// one spec asking for insecure TLS turns certificate checks off for every
// client of the process, and the writes race with requests in flight.
package bad

import (
	"crypto/tls"
	"io"
	"net/http"
	"strings"
)

// Get, Post and Put are the collector's request specs.
type Get struct {
	URL                string
	InsecureSkipVerify bool
	Headers            map[string]string
}

type Post struct {
	URL                string
	InsecureSkipVerify bool
	Headers            map[string]string
	Body               string
}

type Put struct {
	URL                string
	InsecureSkipVerify bool
	Headers            map[string]string
	Body               string
}

func doGet(get *Get) (*http.Response, error) {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{
		InsecureSkipVerify: get.InsecureSkipVerify,
	}
	req, err := http.NewRequest(http.MethodGet, get.URL, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range get.Headers {
		req.Header.Set(k, v)
	}
	return http.DefaultClient.Do(req)
}

func doPost(post *Post) (*http.Response, error) {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{
		InsecureSkipVerify: post.InsecureSkipVerify,
	}
	req, err := http.NewRequest(http.MethodPost, post.URL, strings.NewReader(post.Body))
	if err != nil {
		return nil, err
	}
	for k, v := range post.Headers {
		req.Header.Set(k, v)
	}
	return http.DefaultClient.Do(req)
}

func doPut(put *Put) (*http.Response, error) {
	http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{
		InsecureSkipVerify: put.InsecureSkipVerify,
	}
	req, err := http.NewRequest(http.MethodPut, put.URL, strings.NewReader(put.Body))
	if err != nil {
		return nil, err
	}
	for k, v := range put.Headers {
		req.Header.Set(k, v)
	}
	return http.DefaultClient.Do(req)
}

// Collect runs one spec and returns the status it got.
func Collect(get *Get, post *Post, put *Put) (int, error) {
	var resp *http.Response
	var err error
	switch {
	case get != nil:
		resp, err = doGet(get)
	case post != nil:
		resp, err = doPost(post)
	default:
		resp, err = doPut(put)
	}
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
