// Package good is the protocol after PR #774: doWithRetry reads the body
// once and, before the first attempt and before every retry, resetBody
// gives the request a new reader of those bytes (and a GetBody if it had
// none; the PR panics where the first read fails, this returns the
// error). The answers of the attempts it retries are still dropped without
// a Close, as before the PR.
package good

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Protocol sends events to Target.
type Protocol struct {
	Client  *http.Client
	Target  *url.URL
	Retries int
	Backoff time.Duration
}

// statusError is an answer that was not 2xx.
type statusError struct{ code int }

func (e *statusError) Error() string { return fmt.Sprintf("%d: %s", e.code, http.StatusText(e.code)) }

func isRetriable(sc int) bool {
	switch sc {
	case 404, 413, 425, 429, 502, 503, 504:
		return true
	}
	return false
}

func setBody(req *http.Request, body io.Reader) {
	rc, ok := body.(io.ReadCloser)
	if !ok && body != nil {
		rc = io.NopCloser(body)
	}
	req.Body = rc
	if v, ok := body.(*bytes.Reader); ok {
		req.ContentLength = int64(v.Len())
		snapshot := *v
		req.GetBody = func() (io.ReadCloser, error) {
			r := snapshot
			return io.NopCloser(&r), nil
		}
	}
}

// Request sends event and returns the answer.
func (p *Protocol) Request(ctx context.Context, event []byte) (*http.Response, error) {
	req := (&http.Request{Method: http.MethodPost, Header: http.Header{}, URL: p.Target}).WithContext(ctx)
	req.Header.Set("Content-Type", "application/cloudevents+json")
	setBody(req, bytes.NewReader(event))
	return p.doWithRetry(ctx, req)
}

func (p *Protocol) doOnce(req *http.Request) (*http.Response, error) {
	resp, err := p.Client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return resp, &statusError{resp.StatusCode}
	}
	return resp, nil
}

func resetBody(req *http.Request, body []byte) {
	if req == nil || req.Body == nil {
		return
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	if req.GetBody == nil {
		req.GetBody = func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(body)), nil
		}
	}
}

func (p *Protocol) doWithRetry(ctx context.Context, req *http.Request) (*http.Response, error) {
	var body []byte
	if req != nil && req.Body != nil {
		defer req.Body.Close()
		var err error
		body, err = io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		resetBody(req, body)
	}
	retry := 0
	for {
		resp, err := p.doOnce(req)
		if err == nil {
			return resp, nil
		}
		var uErr *url.Error
		var sErr *statusError
		switch {
		case errors.As(err, &uErr):
		case errors.As(err, &sErr) && isRetriable(sErr.code):
		default:
			return resp, err
		}
		resetBody(req, body)
		if retry >= p.Retries {
			return resp, err
		}
		select {
		case <-ctx.Done():
			return resp, ctx.Err()
		case <-time.After(p.Backoff << retry):
		}
		retry++
	}
}
