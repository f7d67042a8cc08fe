package generics

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Retry is a generic retry helper.
func Retry[T any](n int, f func() (T, error)) (T, error) {
	var (
		v   T
		err error
	)
	for range n {
		if v, err = f(); err == nil {
			break
		}
	}
	return v, err
}

func postJSON[T any](c *http.Client, u string, v T) (*http.Response, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return c.Post(u, "application/json", bytes.NewReader(b)) // want `POST via Client\.Post is not retried`
}

func Once(c *http.Client) error {
	_, err := postJSON(c, "http://x", 1)
	return err
}

func postJSONRetried[T any](c *http.Client, u string, v T) (*http.Response, error) {
	return Retry(3, func() (*http.Response, error) {
		b, _ := json.Marshal(v)
		return c.Post(u, "application/json", bytes.NewReader(b))
	})
}

func Many(c *http.Client) error {
	_, err := postJSONRetried(c, "http://x", "y")
	return err
}

type Doer[C interface {
	Do(*http.Request) (*http.Response, error)
}] struct{ c C }

// Do on a type parameter is not (*http.Client).Do.
func (d Doer[C]) Send(u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	_, err := d.c.Do(req)
	return err
}
