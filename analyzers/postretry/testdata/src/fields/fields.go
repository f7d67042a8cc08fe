// Package fields keeps its retry helper and its send functions in struct
// fields: the package's uses of the fields say whether a send is retried.
package fields

import (
	"net/http"
	"strings"
	"time"
)

type client struct {
	hc *http.Client
	// retry runs f until it succeeds, or once.
	retry func(f func() error) error
	// send sends one request.
	send func(u string) error
}

func newClient(hc *http.Client, attempts int) *client {
	c := &client{hc: hc}
	c.retry = func(f func() error) error { return f() } // runs f once
	c.send = c.postOnce
	return c
}

// A retry field that runs its function once does not retry it.
func (c *client) Create(u string) error {
	return c.retry(func() error {
		resp, err := c.hc.Post(u, "text/plain", strings.NewReader("x")) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A method stored in a field and called once is not retried.
func (c *client) postOnce(u string) error {
	resp, err := c.hc.Post(u, "text/plain", strings.NewReader("x")) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *client) Update(u string) error { return c.send(u) }

// The good twins: a retry field that loops, a send field called in a loop.
type retrying struct {
	hc    *http.Client
	retry func(f func() error) error
	send  func(u string) error
}

func backoff(f func() error) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = f(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func newRetrying(hc *http.Client) *retrying {
	r := &retrying{hc: hc, retry: backoff}
	r.send = r.postOnce
	return r
}

func (r *retrying) Create(u string) error {
	return r.retry(func() error {
		resp, err := r.hc.Post(u, "text/plain", strings.NewReader("x"))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

func (r *retrying) postOnce(u string) error {
	resp, err := r.hc.Post(u, "text/plain", strings.NewReader("x"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (r *retrying) Update(u string) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = r.send(u); err == nil {
			return nil
		}
	}
	return err
}

// An exported field may be set and called by other packages: its sends
// may be retried there.
type Open struct {
	HC    *http.Client
	Retry func(f func() error) error
}

func (o *Open) Create(u string) error {
	return o.Retry(func() error {
		resp, err := o.HC.Post(u, "text/plain", strings.NewReader("x"))
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

var _, _ = newClient, newRetrying
