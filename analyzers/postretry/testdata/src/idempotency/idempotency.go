package idempotency

import (
	"bytes"
	"io"
	"net/http"
	"os"
)

func withKey(c *http.Client, u string, body []byte, key string) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key) // the transport retries it
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withoutKey(c *http.Client, u string, body []byte, key string) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("X-Request-Id", key)
	resp, err := c.Do(req) // want `POST via Client\.Do is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withXKey(c *http.Client, u string, key string) error {
	req, _ := http.NewRequest(http.MethodPatch, u, nil)
	req.Header.Add("x-idempotency-key", key) // canonicalised by Add
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func withMapKey(c *http.Client, u string, key string) error {
	req, _ := http.NewRequest(http.MethodPatch, u, nil)
	req.Header["Idempotency-Key"] = []string{key}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A key does not help a body that cannot be rewound.
func withKeyStream(c *http.Client, u string, f *os.File, key string) error {
	req, err := http.NewRequest(http.MethodPost, u, f)
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", key)
	resp, err := c.Do(req) // want `POST via Client\.Do is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Unless GetBody is set.
func withKeyGetBody(c *http.Client, u string, f *os.File, key string) error {
	req, err := http.NewRequest(http.MethodPost, u, f)
	if err != nil {
		return err
	}
	req.GetBody = func() (io.ReadCloser, error) { return os.Open(f.Name()) }
	req.Header.Set("Idempotency-Key", key)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A function of another package may set the header.
func signed(c *http.Client, u string, sign func(*http.Request)) error {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	sign(req)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
