package handoff

import (
	"context"
	"net/http"
)

// A producer goroutine hands each response to a consumer over a channel,
// in a select that also watches for the consumer giving up: the consumer
// owns the response once it is sent.
func feed(ctx context.Context, c *http.Client, urls <-chan string, out chan<- *http.Response, stop <-chan struct{}) {
	for u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return
		}
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		select {
		case out <- resp:
		case <-stop:
			return
		}
	}
}

// The twin that keeps the response in the loop: the select only receives,
// and the next round overwrites the response with its body open.
func feedLost(ctx context.Context, c *http.Client, urls <-chan string, stop <-chan struct{}) {
	for u := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return
		}
		resp, err := c.Do(req) // want `resp.Body is not closed before c.Do runs again in the loop`
		if err != nil {
			return
		}
		select {
		case <-stop:
			return
		default:
		}
		_ = resp.StatusCode
	}
}
