// Package lib has a retry helper and a helper that runs a function once.
package lib

import "net/http"

// Do retries f.
func Do(attempts int, f func() error) error {
	var err error
	for range attempts {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// Once runs f once.
func Once(f func() error) error { return f() }

// Notify posts an event.
func Notify(c *http.Client, u string) error {
	_, err := c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
	return err
}

// NotifyRetried posts an event with a retry.
func NotifyRetried(c *http.Client, u string) error {
	return Do(3, func() error {
		_, err := c.Post(u, "text/plain", nil)
		return err
	})
}
