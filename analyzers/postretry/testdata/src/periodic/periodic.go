// Package periodic sends a POST once per tick: a loop over ticks is not a
// retry, the next tick sends the next report. Close = true or a
// Connection: close header keeps the request off pooled connections.
package periodic

import (
	"bytes"
	"context"
	"log"
	"net/http"
	"time"
)

type reporter struct {
	url    string
	client *http.Client
	ticker *time.Ticker
}

func (r *reporter) send(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := r.client.Do(req) // want `POST via Client\.Do is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A select on a ticker's channel.
func (r *reporter) Run(ctx context.Context, body []byte) {
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if err := r.send(ctx, body); err != nil {
				log.Printf("report: %v", err)
			}
		}
	}
}

func beat(c *http.Client, u string, body []byte) error {
	resp, err := c.Post(u, "application/json", bytes.NewReader(body)) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A range over time.Tick.
func Beats(c *http.Client, u string, body []byte) {
	for range time.Tick(30 * time.Second) {
		if err := beat(c, u, body); err != nil {
			log.Println(err)
		}
	}
}

func poll(c *http.Client, u string) error {
	resp, err := c.Post(u, "text/plain", nil) // want `POST via Client\.Post is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A receive from a ticker held in a struct.
func (r *reporter) Poll() {
	for {
		<-r.ticker.C
		_ = poll(r.client, r.url)
	}
}

// A retry inside the tick: each report is tried three times.
func retried(c *http.Client, u string, body []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = c.Post(u, "application/json", bytes.NewReader(body))
		if err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return err
}

func BeatsGood(c *http.Client, u string, body []byte) {
	for range time.Tick(30 * time.Second) {
		_ = retried(c, u, body)
	}
}

// A backoff that waits on time.After is still a retry.
func backoff(c *http.Client, u string) error {
	resp, err := c.Post(u, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Backoff(c *http.Client, u string) error {
	for {
		if err := backoff(c, u); err == nil {
			return nil
		}
		<-time.After(time.Second)
	}
}

// Close = true: the request's connection is closed after it, so the
// pool holds none for it to find stale.
func closed(c *http.Client, u string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Close = true
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A Connection: close header does the same.
func header(c *http.Client, u string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("connection", "Close")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Close = false keeps the connection: reported.
func notClosed(c *http.Client, u string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Close = false
	req.Header.Set("Connection", "keep-alive")
	resp, err := c.Do(req) // want `POST via Client\.Do is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Closing(c *http.Client, u string, body []byte) {
	for range time.Tick(time.Minute) {
		_ = closed(c, u, body)
		_ = header(c, u, body)
		_ = notClosed(c, u, body)
	}
}
