package wrappers

import (
	"io"
	"net/http"
)

// withInfo hands back one response in two results: the "info" whose
// headers the caller may read, and the payload.
func withInfo(c *http.Client, u string) (*http.Response, *http.Response, error) {
	res, err := c.Get(u)
	if err != nil {
		return nil, nil, err
	}
	return res, res, nil
}

// Payload drops the info and hands the payload on: its caller has the
// one response.
func Payload(c *http.Client, u string) (*http.Response, error) {
	_, body, err := withInfo(c, u)
	return body, err
}

// PayloadSize closes the payload and reads the info's headers.
func PayloadSize(c *http.Client, u string) (int64, error) {
	info, body, err := withInfo(c, u)
	if err != nil {
		return 0, err
	}
	defer body.Body.Close()
	if _, err := io.Copy(io.Discard, body.Body); err != nil {
		return 0, err
	}
	return info.ContentLength, nil
}

// InfoOnly reads only the headers: neither copy is closed.
func InfoOnly(c *http.Client, u string) (string, error) {
	info, _, err := withInfo(c, u) // want `info.Body is not closed on a path that returns`
	if err != nil {
		return "", err
	}
	return info.Header.Get("ETag"), nil
}

// eitherOf hands back two different responses: the second is not the
// first, and a caller that hands on one drops the other.
func eitherOf(c *http.Client, u, v string) (*http.Response, *http.Response, error) {
	a, err := c.Get(u)
	if err != nil {
		return nil, nil, err
	}
	b, err := c.Get(v)
	if err != nil {
		a.Body.Close()
		return nil, nil, err
	}
	return a, b, nil
}

func Second(c *http.Client, u, v string) (*http.Response, error) {
	_, b, err := eitherOf(c, u, v) // want `discarded`
	return b, err
}
