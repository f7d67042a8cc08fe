package branches

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

type ctxKey struct{}

type rpcClient struct {
	client         *http.Client
	url            string
	bufferedStream bool
}

// The shape of go-kit's transport/http/jsonrpc client: the body is left
// open when the stream is buffered, and a decode error returns with it
// open; the deferred cancel of the request's context ends the connection
// when the function returns.
func (c rpcClient) call(ctx context.Context, body string) (any, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ctx = context.WithValue(ctx, ctxKey{}, "method")
	req, err := http.NewRequest(http.MethodPost, c.url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.client.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	if !c.bufferedStream {
		defer resp.Body.Close()
	}
	var res map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	return res["result"], nil
}

// The cancel deferred in a closure, with a timeout, to the end of the
// function.
func (c rpcClient) notify(ctx context.Context, body string) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer func() { cancel() }()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, strings.NewReader(body))
	if err != nil {
		return
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return
	}
	if !c.bufferedStream {
		defer resp.Body.Close()
	}
	_ = json.NewDecoder(resp.Body).Decode(new(any))
}

// WithCancelCause's CancelFunc takes the cause; a discarded response is
// ended by it too.
func (c rpcClient) ping(ctx context.Context) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url, nil)
	if err != nil {
		return err
	}
	_, err = c.client.Do(req)
	return err
}

// The cancel is deferred on one path only.
func (c rpcClient) someCancel(ctx context.Context, req *http.Request, deadline bool) (any, error) {
	ctx, cancel := context.WithCancel(ctx)
	if deadline {
		defer cancel()
	}
	resp, err := c.client.Do(req.WithContext(ctx)) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	if !c.bufferedStream {
		defer resp.Body.Close()
	}
	var res any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	return res, nil
}

// The closure cancels on one path only.
func (c rpcClient) closureSomeCancel(ctx context.Context, req *http.Request, keep bool) (any, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer func() {
		if !keep {
			cancel()
		}
	}()
	resp, err := c.client.Do(req.WithContext(ctx)) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	var res any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return res, nil
}

// The cancelled context is not the request's.
func (c rpcClient) otherCancel(ctx context.Context, req *http.Request) (any, error) {
	_, cancel := context.WithCancel(ctx)
	defer cancel()
	other, stop := context.WithTimeout(context.Background(), time.Second)
	defer stop()
	_ = other
	resp, err := c.client.Do(req.WithContext(ctx)) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	var res any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return res, nil
}

// context.WithoutCancel between the cancelled context and the request's.
func (c rpcClient) detached(ctx context.Context, url string) (any, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.client.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	var res any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return res, nil
}

// A cancel that does nothing on one path (no timeout): there the
// request's context stays live.
func (c rpcClient) noopCancel(ctx context.Context, req *http.Request, timeout time.Duration) (any, error) {
	var cancel context.CancelFunc = func() {}
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	resp, err := c.client.Do(req.WithContext(ctx)) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	var res any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return res, nil
}

// The deferred cancel runs at the return, not before the loop sends
// again.
func (c rpcClient) poll(ctx context.Context, req *http.Request, n int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i := 0; i < n; i++ {
		resp, err := c.client.Do(req.WithContext(ctx)) // want `resp.Body is not closed before c.client.Do runs again in the loop`
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
	return nil
}

// A requestHook is a client's hook run before each request, as go-kit's
// RequestFunc: it returns the context the request is sent with, made from
// the one it is given.
type requestHook func(context.Context, *http.Request) context.Context

type hookedClient struct {
	client    *http.Client
	url       string
	before    []requestHook
	finalizer func(context.Context, error)
}

// go-kit's jsonrpc client itself: the hooks' context descends from the
// cancelled one, so the deferred cancel ends the connection left open by
// the return after a decode error.
// The deferred finalizer captures ctx, which makes it a variable in
// memory.
func (c hookedClient) call(ctx context.Context, body string) (res any, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if c.finalizer != nil {
		defer func() {
			ctx = context.WithValue(ctx, ctxKey{}, "done")
			c.finalizer(ctx, err)
		}()
	}
	req, err := http.NewRequest(http.MethodPost, c.url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	for _, f := range c.before {
		ctx = f(ctx, req)
	}
	resp, err := c.client.Do(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return res, nil
}

// The same hooks and finalizer, and no cancel: the decode error's return
// leaks.
func (c hookedClient) callUncancelled(ctx context.Context, body string) (res any, err error) {
	if c.finalizer != nil {
		defer func() { c.finalizer(ctx, err) }()
	}
	req, err := http.NewRequest(http.MethodPost, c.url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	for _, f := range c.before {
		ctx = f(ctx, req)
	}
	resp, err := c.client.Do(req.WithContext(ctx)) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return res, nil
}

// A closure called between the cancel and the send may store any context
// in ctx: the cancelled one is not known to be the request's.
func (c hookedClient) callReset(ctx context.Context, body string) (any, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reset := func() { ctx = context.Background() }
	if c.finalizer == nil {
		reset()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	resp, err := c.client.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	var res any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return res, nil
}
