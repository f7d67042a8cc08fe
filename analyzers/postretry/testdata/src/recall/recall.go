// Package recall holds the shapes of real fixes that postretry missed.
package recall

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"syscall"
)

// Client.Post returns a *url.Error: err == io.EOF never holds, so the
// failure branch never leads back to the send.
func EOFOnly(c *http.Client, u string, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Post(u, "application/json", bytes.NewReader(body)) // want `POST via Client\.Post is not retried`
		if err != nil {
			if err == io.EOF {
				continue
			}
			return err
		}
		resp.Body.Close()
		return nil
	}
	return nil
}

// errors.Is unwraps the *url.Error: a retry.
func EOFIs(c *http.Client, u string, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Post(u, "application/json", bytes.NewReader(body))
		if err != nil {
			if errors.Is(err, io.EOF) {
				continue
			}
			return err
		}
		resp.Body.Close()
		return nil
	}
	return nil
}

// The same with a system error compared directly.
func ResetOnly(u string, body []byte) error {
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := http.Post(u, "application/json", bytes.NewReader(body)) // want `POST via http\.Post is not retried`
		if err != nil {
			if err == syscall.ECONNRESET {
				continue
			}
			return err
		}
		resp.Body.Close()
		return nil
	}
	return nil
}

// A comparison with another error value the loop made itself is not a
// sentinel: quiet.
func Latest(c *http.Client, u string, body []byte) error {
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Post(u, "application/json", bytes.NewReader(body))
		if err != nil {
			if err == last {
				return err
			}
			last = err
			continue
		}
		resp.Body.Close()
		return nil
	}
	return last
}
