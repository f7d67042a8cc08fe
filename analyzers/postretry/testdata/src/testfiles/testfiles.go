// Package testfiles holds a production sender that the package retries
// through its interface (a queue with backoff, as Prometheus's remote
// write does) and that a test calls directly: with -postretry.tests the
// test's own sends are judged, but a test's direct call says nothing of
// how the program retries the production one.
package testfiles

import (
	"bytes"
	"net/http"
	"time"
)

type WriteClient interface{ Store(b []byte) error }

type Client struct {
	c   *http.Client
	url string
}

func (c *Client) Store(b []byte) error {
	req, err := http.NewRequest(http.MethodPost, c.url, bytes.NewReader(b))
	if err != nil {
		return err
	}
	resp, err := c.c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type queue struct{ wc WriteClient }

func (q *queue) send(b []byte) {
	for try := 0; try < 5; try++ {
		if err := q.wc.Store(b); err == nil {
			return
		}
		time.Sleep(time.Duration(try) * time.Second)
	}
}

var _ = (&queue{}).send
