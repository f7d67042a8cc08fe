// Package senders holds exported sender wrappers: functions that hand the
// response and error of their POST back to the caller, as http.Post does
// (prometheus/alertmanager's notify.PostJSON, whose notifiers in other
// packages retry through the notification pipeline). The caller decides
// whether to retry, so the send is judged at the package's own calls of
// the wrapper, and callers the package cannot see are given the benefit.
package senders

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// PostJSON is exported: its callers elsewhere decide.
func PostJSON(ctx context.Context, c *http.Client, url string, body io.Reader) (*http.Response, error) {
	return post(ctx, c, url, "application/json", body)
}

func post(ctx context.Context, c *http.Client, url, ct string, body io.Reader) (*http.Response, error) {
	return request(ctx, c, http.MethodPost, url, ct, body)
}

func request(ctx context.Context, c *http.Client, method, url, ct string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", ct)
	return c.Do(req)
}

// An exported wrapper that the package itself calls once, with no retry:
// the package's own call shows the POST failing on a stale connection.
func PostText(ctx context.Context, c *http.Client, url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req) // want `POST via Client.Do is not retried`
}

func Notify(ctx context.Context, c *http.Client, url string, body io.Reader) error {
	resp, err := PostText(ctx, c, url, body)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The package's own call retries: quiet as well.
func PostForm(ctx context.Context, c *http.Client, url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func NotifyRetried(ctx context.Context, c *http.Client, url string, payload func() io.Reader) error {
	var err error
	for range 3 {
		var resp *http.Response
		if resp, err = PostForm(ctx, c, url, payload()); err == nil {
			return resp.Body.Close()
		}
		time.Sleep(time.Second)
	}
	return err
}

// An exported function that consumes the response itself is no sender
// wrapper: it is judged where it sends.
func Push(ctx context.Context, c *http.Client, url string, body io.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `POST via Client.Do is not retried`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// A sender the package calls through its own interface (release-utils'
// agent and its SendPostRequest): those calls do not retry.
type impl interface {
	SendPost(ctx context.Context, c *http.Client, url string, body io.Reader) (*http.Response, error)
}

type defaultImpl struct{}

func (defaultImpl) SendPost(ctx context.Context, c *http.Client, url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req) // want `POST via Client.Do is not retried`
}

type Agent struct {
	impl impl
	c    *http.Client
}

func NewAgent() *Agent { return &Agent{impl: defaultImpl{}, c: &http.Client{}} }

func (a *Agent) Post(ctx context.Context, url string, body io.Reader) error {
	resp, err := a.impl.SendPost(ctx, a.c, url, body)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// alertmanager's shape: one request helper for GET and POST, whose POST
// reaches it through post (so the method is known per call site), and
// exported wrappers handing both responses back.
func Get(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	return request(ctx, c, http.MethodGet, url, "", nil)
}

// A POST site of the same helper that the package consumes unretried
// is reported at the send.
func requestAny(ctx context.Context, c *http.Client, method, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req) // want `POST via Client.Do is not retried`
}

func Fetch(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	return requestAny(ctx, c, http.MethodGet, url)
}

func Ping(ctx context.Context, c *http.Client, url string) error {
	resp, err := requestAny(ctx, c, http.MethodPost, url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
