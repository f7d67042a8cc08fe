package branches

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// Once the request's context is done the transport gives the connection
// up: a path that has seen it done needs nothing.
func contextErr(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

// The shape of anthropic-sdk-go's retry loop: the request carries a
// per-attempt timeout derived, on some paths, from the caller's context,
// and the caller's context is checked.
func attemptTimeout(ctx context.Context, c *http.Client, req *http.Request, timeout time.Duration) error {
	callerCtx := ctx
	var cancel context.CancelFunc = func() {}
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(callerCtx, timeout)
	}
	defer cancel()
	resp, err := c.Do(req.Clone(ctx))
	if err != nil {
		return err
	}
	if err := callerCtx.Err(); err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

// A select on the context's Done, as a backoff does.
func selectDone(ctx context.Context, c *http.Client, req *http.Request, d time.Duration) error {
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

// Waiting for the context to be done.
func waitDone(ctx context.Context, c *http.Client, req *http.Request) {
	resp, err := c.Do(req.WithContext(ctx))
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusAccepted {
		<-ctx.Done()
		return
	}
	defer resp.Body.Close()
	_ = json.NewDecoder(resp.Body).Decode(new(any))
}

// A child's timeout says nothing of its parent, the request's context.
func childDone(ctx context.Context, c *http.Client, req *http.Request) error {
	child, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	resp, err := c.Do(req.WithContext(ctx)) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if child.Err() != nil {
		return child.Err()
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

// context.WithoutCancel is never done, whatever its parent does.
func withoutCancel(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

// A context merged with one of another family: on that edge the request
// goes on.
func otherFamily(ctx, other context.Context, c *http.Client, req *http.Request, detach bool) error {
	if detach {
		ctx = other
	}
	resp, err := c.Do(req.WithContext(ctx)) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if other.Err() != nil {
		return other.Err()
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}

// http.NewRequest has context.Background: never done.
func backgroundRequest(ctx context.Context, c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(new(any))
}
