// Package retry holds requests sent by operations passed to retry helpers
// that leave the response in a variable of the enclosing function: an
// attempt that fails hands nothing on, and the next one overwrites the
// variable.
package retry

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v4"
)

var errStatus = errors.New("unexpected status")

type statusError struct{ code int }

func (e *statusError) Error() string { return fmt.Sprint(e.code) }

// The shape of travis-ci/worker before PR #346.
func statusRetried(c *http.Client, req *http.Request, b backoff.BackOff) ([]byte, error) {
	var resp *http.Response
	err := backoff.Retry(func() (err error) {
		resp, err = c.Do(req) // want `resp.Body is not closed on a path that returns an error to backoff.Retry`
		if resp != nil && resp.StatusCode != http.StatusOK {
			return fmt.Errorf("expected 200, got %d", resp.StatusCode)
		}
		return
	}, b)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// After the fix: the attempt closes the response it gives up on, no
// leak. It closes it unread, though, and the next attempt cannot reuse
// the connection.
func statusRetriedClosed(c *http.Client, req *http.Request, b backoff.BackOff) ([]byte, error) {
	var resp *http.Response
	err := backoff.Retry(func() (err error) {
		resp, err = c.Do(req) // want `resp.Body is closed without being read before the next request`
		if resp != nil && resp.StatusCode != http.StatusOK {
			resp.Body.Close()
			return fmt.Errorf("expected 200, got %d", resp.StatusCode)
		}
		return
	}, b)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func sentinelRetried(c *http.Client, req *http.Request) error {
	var resp *http.Response
	err := retry.Do(func() error {
		var err error
		resp, err = c.Do(req) // want `resp.Body is not closed on a path that returns an error to retry.Do`
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			return errStatus
		}
		return nil
	})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// No leak; closed unread before the next attempt.
func sentinelRetriedClosed(c *http.Client, req *http.Request) error {
	var resp *http.Response
	err := retry.Do(func() error {
		var err error
		resp, err = c.Do(req) // want `resp.Body is closed without being read before the next request`
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			resp.Body.Close()
			return errStatus
		}
		return nil
	})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func typedErrorRetried(c *http.Client, req *http.Request, b backoff.BackOff) error {
	var resp *http.Response
	err := backoff.Retry(func() error {
		r, err := c.Do(req) // want `r.Body is not closed on a path that returns an error to backoff.Retry`
		if err != nil {
			return err
		}
		resp = r
		if r.StatusCode != http.StatusOK {
			return &statusError{r.StatusCode}
		}
		return nil
	}, b)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Each attempt closes what the previous one left.
func previousClosed(c *http.Client, req *http.Request, b backoff.BackOff) error {
	var resp *http.Response
	err := backoff.Retry(func() error {
		if resp != nil {
			resp.Body.Close()
		}
		var err error
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return errStatus
		}
		return nil
	}, b)
	if resp != nil {
		resp.Body.Close()
	}
	return err
}

// The notify function, run after each failed attempt, closes it.
func notifyCloses(c *http.Client, req *http.Request, b backoff.BackOff) error {
	var resp *http.Response
	err := backoff.RetryNotify(func() error {
		var err error
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return errStatus
		}
		return nil
	}, b, func(error, int) {
		if resp != nil {
			resp.Body.Close()
		}
	})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A bad status is no failure: the attempt succeeds and hands the response
// on.
func statusReturned(c *http.Client, req *http.Request, b backoff.BackOff) (int, error) {
	var resp *http.Response
	err := backoff.Retry(func() (err error) {
		resp, err = c.Do(req)
		return err
	}, b)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// Run once: the enclosing function closes what the closure left, on
// every path.
func runOnce(c *http.Client, req *http.Request) error {
	var resp *http.Response
	attempt := func() error {
		var err error
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return errStatus
		}
		return nil
	}
	err := attempt()
	if resp != nil {
		defer resp.Body.Close()
	}
	return err
}

// Run once by sync.Once: the same.
func onceDo(c *http.Client, req *http.Request, once *sync.Once) error {
	var resp *http.Response
	var err error
	once.Do(func() {
		resp, err = c.Do(req)
		if err == nil && resp.StatusCode != http.StatusOK {
			err = errStatus
		}
	})
	if resp != nil {
		resp.Body.Close()
	}
	return err
}

// The enclosing function's own loop retries the attempt.
func loopRetried(c *http.Client, req *http.Request) error {
	var resp *http.Response
	attempt := func() error {
		var err error
		resp, err = c.Do(req) // want `resp.Body is not closed on a path that returns an error to the loop that retries it`
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	var err error
	for range 3 {
		if err = attempt(); err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The loop closes what a failed attempt left.
func loopCloses(c *http.Client, req *http.Request) error {
	var resp *http.Response
	attempt := func() error {
		var err error
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	var err error
	for range 3 {
		if err = attempt(); err == nil {
			break
		}
		if resp != nil {
			resp.Body.Close()
		}
	}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The shape of 0xERR0R/blocky's downloader before PR #1924: an answer
// other than 200 is closed unread and the closure fails, so retry.Do
// sends the request again, on a connection the close gave up.
func unreadRetried(c *http.Client, u string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := retry.Do(func() error {
		resp, err := c.Get(u) // want `resp.Body is closed without being read before the next request`
		if err != nil {
			return fmt.Errorf("get %s: %w", u, err)
		}
		if resp.StatusCode == http.StatusOK {
			body = resp.Body
			return nil
		}
		_ = resp.Body.Close()
		return fmt.Errorf("got status code %d", resp.StatusCode)
	})
	if err != nil {
		return nil, err
	}
	return body, nil
}

// After the fix: the answer is drained before it is closed.
func unreadRetriedDrained(c *http.Client, u string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := retry.Do(func() error {
		resp, err := c.Get(u)
		if err != nil {
			return fmt.Errorf("get %s: %w", u, err)
		}
		if resp.StatusCode == http.StatusOK {
			body = resp.Body
			return nil
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		return fmt.Errorf("got status code %d", resp.StatusCode)
	})
	if err != nil {
		return nil, err
	}
	return body, nil
}

// The same with backoff.Retry and a sentinel error.
func unreadBackoff(c *http.Client, req *http.Request, b backoff.BackOff, v *[]byte) error {
	return backoff.Retry(func() error {
		resp, err := c.Do(req) // want `resp.Body is closed without being read before the next request`
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			resp.Body.Close()
			return errStatus
		}
		defer resp.Body.Close()
		*v, err = io.ReadAll(resp.Body)
		return err
	}, b)
}

// The closure is run once, not retried: an unread close on an error path
// that sends nothing more stays quiet, as in any function.
func unreadOnce(c *http.Client, u string) (io.ReadCloser, error) {
	var body io.ReadCloser
	attempt := func() error {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			body = resp.Body
			return nil
		}
		_ = resp.Body.Close()
		return fmt.Errorf("got status code %d", resp.StatusCode)
	}
	if err := attempt(); err != nil {
		return nil, err
	}
	return body, nil
}

// The error is unrecoverable: retry.Do returns it without another
// attempt (quiet because its origin is not a fresh error, see failing).
func unreadUnrecoverable(c *http.Client, u string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := retry.Do(func() error {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			body = resp.Body
			return nil
		}
		_ = resp.Body.Close()
		return retry.Unrecoverable(fmt.Errorf("got status code %d", resp.StatusCode))
	})
	if err != nil {
		return nil, err
	}
	return body, nil
}

// The closure closes unread and succeeds: no other attempt follows.
func unreadSucceeds(c *http.Client, u string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := retry.Do(func() error {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			body = resp.Body
			return nil
		}
		_ = resp.Body.Close()
		return nil
	})
	return body, err
}
