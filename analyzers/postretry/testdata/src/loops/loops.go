package loops

import (
	"bytes"
	"log"
	"net/http"
	"strings"
	"time"
)

// Backoff loop: the failure branch sleeps and goes round again.
func backoff(c *http.Client, u string, body []byte) (*http.Response, error) {
	delay := 100 * time.Millisecond
	for {
		resp, err := c.Post(u, "text/plain", bytes.NewReader(body))
		if err == nil {
			return resp, nil
		}
		if delay > time.Second {
			return nil, err
		}
		time.Sleep(delay)
		delay *= 2
	}
}

// A loop whose failure branch leaves is not a retry: each item is sent once.
func batch(c *http.Client, u string, items [][]byte) error {
	for _, item := range items {
		resp, err := c.Post(u, "text/plain", bytes.NewReader(item)) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Labelled continue: the inner loop reads the response, the failure goes
// back to the outer loop.
func labelled(c *http.Client, u string, body []byte) error {
	var lastErr error
attempts:
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.Post(u, "text/plain", bytes.NewReader(body))
		if err != nil {
			lastErr = err
			continue attempts
		}
		for _, h := range resp.Header["X"] {
			if h == "retry" {
				resp.Body.Close()
				continue attempts
			}
		}
		return resp.Body.Close()
	}
	return lastErr
}

// The same loop, but the failure branch gives up: the loop only retries on
// a header.
func labelledGivesUp(c *http.Client, u string, body []byte) error {
attempts:
	for attempt := 0; attempt < 5; attempt++ {
		resp, err := c.Post(u, "text/plain", bytes.NewReader(body)) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		for _, h := range resp.Header["X"] {
			if h == "retry" {
				resp.Body.Close()
				continue attempts
			}
		}
		return resp.Body.Close()
	}
	return nil
}

// A while-style loop on the error itself.
func untilOK(c *http.Client, u string) (resp *http.Response, err error) {
	resp, err = c.Post(u, "text/plain", nil) // retried by the loop below
	for tries := 0; err != nil && tries < 3; tries++ {
		resp, err = c.Post(u, "text/plain", nil)
	}
	return resp, err
}

// A polling loop: errors end it.
func poll(c *http.Client, u string, done func(*http.Response) bool) error {
	for {
		resp, err := c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
		if err != nil {
			return err
		}
		if done(resp) {
			return resp.Body.Close()
		}
		resp.Body.Close()
	}
}

// Goroutines started in a loop are not retries.
func fanOut(c *http.Client, urls []string) {
	for _, u := range urls {
		go c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
	}
}

// A failure branch that ends in log.Fatal does not loop back.
func fatal(c *http.Client, u string, body []byte) {
	for i := 0; i < 3; i++ {
		resp, err := c.Post(u, "text/plain", bytes.NewReader(body)) // want `POST via Client\.Post is not retried`
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
	}
}

// The same request re-sent in a loop without a retry: every send after
// the first goes out with the body the first consumed, which fails each
// time, not sporadically; that is the finding.
func fatalSameRequest(c *http.Client, u string) {
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader("x"))
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if err != nil {
			log.Fatalf("post: %v", err)
		}
		resp.Body.Close()
	}
}

// Two different sends in a row: the second is not a retry of the first.
func sequential(c *http.Client, u string) {
	if _, err := c.Post(u+"/a", "text/plain", nil); err != nil { // want `POST via Client\.Post is not retried`
		log.Print(err)
	}
	c.Post(u+"/b", "text/plain", nil) // want `POST via Client\.Post is not retried`
}

// A second identical send after a failure is a retry.
func retryOnce(c *http.Client, u string) {
	if _, err := c.Post(u, "text/plain", nil); err != nil {
		c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
	}
}

// heroku/log-shuttle#25: a loop over batches that logs a failure and moves
// on to the next batch sends each once; the failure branch comes back to
// the send only with the next item, which is no retry.
func drain(c *http.Client, u string, inbox <-chan []byte) {
	for b := range inbox {
		if err := postOne(c, u, b); err != nil {
			continue
		}
	}
}

func postOne(c *http.Client, u string, b []byte) error {
	resp, err := c.Post(u, "text/plain", bytes.NewReader(b)) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func eachItem(c *http.Client, u string, items [][]byte) {
	for _, item := range items {
		resp, err := c.Post(u, "text/plain", bytes.NewReader(item)) // want `POST via Client\.Post is not retried`
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// Each item tried again until it is sent: a retry, inside the loop over
// the items.
func drainRetrying(c *http.Client, u string, inbox <-chan []byte) {
	for b := range inbox {
		for try := 0; try < 3; try++ {
			if err := postItem(c, u, b); err == nil {
				break
			}
		}
	}
}

func postItem(c *http.Client, u string, b []byte) error {
	resp, err := c.Post(u, "text/plain", bytes.NewReader(b))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same item again on failure, the index stepping only on success.
func untilSent(c *http.Client, u string, items [][]byte) {
	for i := 0; i < len(items); {
		resp, err := c.Post(u, "text/plain", bytes.NewReader(items[i]))
		if err != nil {
			continue
		}
		resp.Body.Close()
		i++
	}
}

// A failover: the same request to each peer in turn until one answers
// (rqlite's gorqlite): a stale connection to one peer is tried again on
// the next, so it is a retry.
func failover(c *http.Client, peers []string, body []byte) ([]byte, error) {
	for _, p := range peers {
		resp, err := c.Post(p, "application/json", bytes.NewReader(body))
		if err != nil {
			continue
		}
		resp.Body.Close()
		return body, nil
	}
	return nil, nil
}
