// Package lib is a client library whose functions other packages call.
package lib

import (
	"io"
	"net/http"
)

// Fetch returns an open response: the caller must close it.
func Fetch(u string) (*http.Response, error) { return http.Get(u) }

// Open hands back the body of a GET, open (minio's storage REST Call).
func Open(u string) (io.ReadCloser, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Probe sends a GET for its status and headers: the body is drained and
// closed before the response is handed back.
func Probe(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	Drain(resp)
	return resp, nil
}

// Drain reads the body to EOF and closes it.
func Drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// CloseQuietly closes c.
func CloseQuietly(c io.Closer) { _ = c.Close() }

// Status returns the status code of a response it closes itself, along
// with a decoded value (an SDK shape: nothing for the caller to close).
func Status(u string) (int, *http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, nil, err
	}
	Drain(resp)
	return resp.StatusCode, resp, nil
}

// Doer is the interface of clients.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}
