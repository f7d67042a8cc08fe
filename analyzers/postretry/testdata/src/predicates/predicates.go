// Package predicates retries only the errors that say they are temporary
// or a timeout. A connection the server closed while it was idle fails
// with io.EOF or ECONNRESET inside a *url.Error, which answers false to
// both: such a retry never retries the stale-connection failure.
package predicates

import (
	"errors"
	"io"
	"net"
	"net/http"
	"time"
)

// transient is how the package asks an error whether to try again.
type transient interface {
	error
	Temporary() bool
}

func shouldRetry(e error) bool {
	t, ok := e.(transient)
	if !ok {
		return false
	}
	if t.Temporary() {
		return true
	}
	return false
}

// do runs op until it succeeds, retry says no, or tries run out.
func do(tries int, retry func(error) bool, op func() error) (err error) {
	for n := 1; ; n++ {
		err = op()
		if err == nil {
			return nil
		}
		if n == tries || !retry(err) {
			return err
		}
		time.Sleep(50 * time.Millisecond << n)
	}
}

// A retry helper given a predicate that accepts only temporary errors.
func Upload(c *http.Client, u string) error {
	return do(3, shouldRetry, func() error {
		req, err := http.NewRequest(http.MethodPatch, u, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req) // want `PATCH via Client\.Do is not retried`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A predicate that also accepts io.EOF retries the stale connection.
func isRetryable(err error) bool {
	if errors.Is(err, io.EOF) {
		return true
	}
	return shouldRetry(err)
}

// retryIf is retry for predicates that may accept a stale connection's
// error. (A helper given predicates of both kinds by its callers counts as
// retrying: its calls are not told apart.)
func retryIf(pred func(error) bool, f func() error) error {
	err := f()
	for i := 0; err != nil && pred(err) && i < 3; i++ {
		err = f()
	}
	return err
}

func UploadGood(c *http.Client, u string) error {
	return retryIf(isRetryable, func() error {
		req, err := http.NewRequest(http.MethodPatch, u, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// The same test written in the loop, with net.Error's Timeout.
func Timeouts(c *http.Client, u string) error {
	for {
		resp, err := c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
		if err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				continue
			}
			return err
		}
		return resp.Body.Close()
	}
}

// A loop that retries every error, and uses Timeout only to log.
func TimeoutsGood(c *http.Client, u string, log func(string)) error {
	for attempt := 0; ; attempt++ {
		resp, err := c.Post(u, "text/plain", nil)
		if err == nil {
			return resp.Body.Close()
		}
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			log("timeout")
		}
		if attempt == 2 {
			return err
		}
	}
}

// A predicate that returns Temporary() directly, inlined in a helper.
func temp(err error) bool {
	te, ok := err.(transient)
	return ok && te.Temporary()
}

func Direct(c *http.Client, u string) error {
	return do(2, temp, func() error {
		resp, err := c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A predicate of another kind (any error) is a retry.
func always(error) bool { return true }

func DirectGood(c *http.Client, u string) error {
	return retryIf(always, func() error {
		resp, err := c.Post(u, "text/plain", nil)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
