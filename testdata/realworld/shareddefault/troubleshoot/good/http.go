// Package good is troubleshoot's HTTP collector after PR #376: a package
// client of its own carries the insecure TLS settings, the helpers pick it
// when the spec asks for it and http.DefaultClient otherwise, and the
// default transport is left as it was.
package good

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

var insecureClient = &http.Client{
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	},
}

func doGet(get *Get) (*http.Response, error) {
	client := http.DefaultClient
	if get.InsecureSkipVerify {
		client = insecureClient
	}
	req, err := http.NewRequest(http.MethodGet, get.URL, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range get.Headers {
		req.Header.Set(k, v)
	}
	return client.Do(req)
}

func doPost(post *Post) (*http.Response, error) {
	client := http.DefaultClient
	if post.InsecureSkipVerify {
		client = insecureClient
	}
	req, err := http.NewRequest(http.MethodPost, post.URL, strings.NewReader(post.Body))
	if err != nil {
		return nil, err
	}
	for k, v := range post.Headers {
		req.Header.Set(k, v)
	}
	return client.Do(req)
}

func doPut(put *Put) (*http.Response, error) {
	client := http.DefaultClient
	if put.InsecureSkipVerify {
		client = insecureClient
	}
	req, err := http.NewRequest(http.MethodPut, put.URL, strings.NewReader(put.Body))
	if err != nil {
		return nil, err
	}
	for k, v := range put.Headers {
		req.Header.Set(k, v)
	}
	return client.Do(req)
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
