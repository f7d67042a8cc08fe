// Package retriers sends through closures that a retry helper calls
// again after each failure.
package retriers

import (
	"bytes"
	"errors"
	"log"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
)

type client struct{ hc *http.Client }

func logFailure(err error, d time.Duration) { log.Print(err, d) }

// The shape of atlassian/gostatsd's Datadog backend before PR #19: the
// request is built once and the closure doPost returns sends it on every
// attempt, with its body already read.
func (c *client) post(url string, data []byte, b backoff.BackOff) error {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewBuffer(data))
	if err != nil {
		return err
	}
	return backoff.RetryNotify(c.doPost(req), b, logFailure)
}

func (c *client) doPost(req *http.Request) backoff.Operation {
	return func() error {
		resp, err := c.hc.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 300 {
			return errors.New(resp.Status)
		}
		return nil
	}
}

// After the fix: each attempt builds its request.
func (c *client) postRebuilt(url string, data []byte, b backoff.BackOff) error {
	return backoff.RetryNotify(c.doPostRebuilt(url, data), b, logFailure)
}

func (c *client) doPostRebuilt(url string, data []byte) backoff.Operation {
	return func() error {
		req, err := http.NewRequest(http.MethodPost, url, bytes.NewBuffer(data))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

// The closure given to the helper directly, the request rebuilt too.
func (c *client) postInline(url string, data []byte, b backoff.BackOff) error {
	return backoff.RetryNotify(func() error {
		req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(data))
		if err != nil {
			return err
		}
		resp, err := c.hc.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, b, logFailure)
}
