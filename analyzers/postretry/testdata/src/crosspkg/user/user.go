// Package user sends through lib's helpers, whose bodies it cannot see.
package user

import (
	"crosspkg/lib"
	"net/http"
)

func Retried(c *http.Client) error {
	return lib.Do(3, func() error {
		_, err := c.Post("http://x", "text/plain", nil)
		return err
	})
}

// Known limit: lib.Once does not retry, but without facts its body is not
// seen here, so the closure counts as possibly retried.
func NotRetried(c *http.Client) error {
	return lib.Once(func() error {
		_, err := c.Post("http://x", "text/plain", nil)
		return err
	})
}

func Direct(c *http.Client) error {
	_, err := c.Post("http://x", "text/plain", nil) // want `POST via Client\.Post is not retried`
	return err
}
