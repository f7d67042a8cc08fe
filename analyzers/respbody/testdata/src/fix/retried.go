package fix

import (
	"fmt"
	"io"
	"net/http"

	"github.com/avast/retry-go/v4"
)

// A retried closure closes a bad answer unread with `_ =` and fails: the
// drain goes before the close.
func retried(c *http.Client, u string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := retry.Do(func() error {
		resp, err := c.Get(u) // want `closed without being read before the next request`
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			body = resp.Body
			return nil
		}
		_ = resp.Body.Close()
		return fmt.Errorf("status %d", resp.StatusCode)
	})
	return body, err
}

// The close's error is checked: no fix is offered for it.
func retriedChecked(c *http.Client, u string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := retry.Do(func() error {
		resp, err := c.Get(u) // want `closed without being read before the next request`
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			body = resp.Body
			return nil
		}
		if err := resp.Body.Close(); err != nil {
			return err
		}
		return fmt.Errorf("status %d", resp.StatusCode)
	})
	return body, err
}
