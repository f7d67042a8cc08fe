// Package callsites sends through helpers that take the method as a
// string and build the request themselves: each call in the package is
// judged by the method it passes.
package callsites

import (
	"bytes"
	"context"
	"io"
	"net/http"
)

type C struct {
	hc   *http.Client
	base string
}

// send is called with POST once and with GET: the POST is not retried.
func (c *C) send(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req) // want `POST via Client\.Do is not retried`
}

func (c *C) Create(ctx context.Context, data []byte) error {
	resp, err := c.send(ctx, http.MethodPost, "/items", bytes.NewReader(data))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *C) List(ctx context.Context) error {
	resp, err := c.send(ctx, http.MethodGet, "/items", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// sendGood's POST call is retried; its GET call is not, and need not be.
func (c *C) sendGood(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

func (c *C) Store(ctx context.Context, data []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		var resp *http.Response
		if resp, err = c.sendGood(ctx, "POST", "/store", bytes.NewReader(data)); err == nil {
			return resp.Body.Close()
		}
	}
	return err
}

func (c *C) Fetch(ctx context.Context) error {
	resp, err := c.sendGood(ctx, http.MethodGet, "/store", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Two levels: do passes its method on to sendVia; Patch calls do once.
func (c *C) sendVia(ctx context.Context, method, path string) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req) // want `PATCH via Client\.Do is not retried`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *C) do(ctx context.Context, method, path string) error { return c.sendVia(ctx, method, path) }

func (c *C) Patch(ctx context.Context) error { return c.do(ctx, http.MethodPatch, "/p") }

func (c *C) Head(ctx context.Context) error { return c.do(ctx, http.MethodHead, "/p") }

// Only idempotent methods are passed: quiet.
func (c *C) sendIdempotent(ctx context.Context, method string) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *C) Get(ctx context.Context) error     { return c.sendIdempotent(ctx, http.MethodGet) }
func (c *C) Options(ctx context.Context) error { return c.sendIdempotent(ctx, http.MethodOptions) }

// An exported method may be called with any method; the package's POST
// is in a function that names nothing of net/http, whose SSA is not built
// (see ssapass's trim.go): quiet.
func (c *C) Send(ctx context.Context, method string) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *C) Post(ctx context.Context) error { return c.Send(ctx, http.MethodPost) }

// An exported Do that the package calls with a constant POST: the
// package's call is judged, the callers it does not show are not.
func (c *C) Do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req.WithContext(ctx)) // want `POST via Client\.Do is not retried`
}

// (CreateItem consumes the response: a wrapper that handed it back to
// its callers elsewhere would leave them the retry, see senders.)
func (c *C) CreateItem(ctx context.Context, data []byte) error {
	resp, err := c.Do(ctx, http.MethodPost, "/items", bytes.NewReader(data))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same Do, whose POST from the package is retried.
func (c *C) DoRetried(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req.WithContext(ctx))
}

func (c *C) CreateRetried(ctx context.Context, data []byte) (resp *http.Response, err error) {
	for attempt := 0; attempt < 3; attempt++ {
		if resp, err = c.DoRetried(ctx, http.MethodPost, "/items", bytes.NewReader(data)); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// The same Do, whose package call sets an idempotency key on the request
// derived with WithContext: net/http resends it by itself.
func (c *C) DoKeyed(ctx context.Context, method, path, key string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	req = req.WithContext(ctx)
	req.Header.Set("Idempotency-Key", key)
	return c.hc.Do(req)
}

func (c *C) CreateKeyed(ctx context.Context, data []byte) (*http.Response, error) {
	return c.DoKeyed(ctx, http.MethodPost, "/items", "k1", bytes.NewReader(data))
}

// The same Do, which the package calls with GET only: quiet.
func (c *C) DoGet(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

func (c *C) Items(ctx context.Context) (*http.Response, error) {
	return c.DoGet(ctx, http.MethodGet, "/items")
}

// DoKeyed's twin, whose package call passes a body that cannot be sent
// again: the key does not make net/http resend it.
func (c *C) DoKeyedStream(ctx context.Context, method, path, key string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	req = req.WithContext(ctx)
	req.Header.Set("Idempotency-Key", key)
	return c.hc.Do(req) // want `POST via Client\.Do is not retried`
}

func (c *C) CreateStream(ctx context.Context, data []byte) error {
	r, w := io.Pipe()
	go func() { w.CloseWithError(nil); _ = data }()
	resp, err := c.DoKeyedStream(ctx, http.MethodPost, "/items", "k2", r)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
