package reuse

import (
	"context"
	"net/http"
	"time"
)

// probeCtx sends with a timeout it cancels on return (adal's
// getMSIEndpoint): the response it hands back is dead by the time its
// caller sees it, since the transport closes a connection whose request's
// context is done.
func probeCtx(c *http.Client, u string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func Available(c *http.Client, u string) bool {
	resp, err := probeCtx(c, u)
	if err == nil {
		resp.Body.Close()
	}
	return err == nil
}

func AvailableDropped(c *http.Client, u string) bool {
	_, err := probeCtx(c, u)
	return err == nil
}

// probeKept leaves the context to its caller: the answer is live, and an
// unread close gives its connection up.
func probeKept(c *http.Client, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func AvailableKept(c *http.Client, u string) bool {
	resp, err := probeKept(c, u) // want `resp.Body is closed without being read`
	if err == nil {
		resp.Body.Close()
	}
	return err == nil
}
