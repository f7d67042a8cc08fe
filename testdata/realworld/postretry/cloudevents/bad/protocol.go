// Package bad is the shape of cloudevents/sdk-go's HTTP protocol
// (v2/protocol/http) before PR #774: Request builds one POST, writes the
// event into its Body (setBody, a cherry-pick of http.NewRequest's body
// handling), and doWithRetry hands that same request to doOnce on every
// attempt, so a retry after a url.Error or a retriable status (the
// default list: 404, 413, 425, 429, 502, 503, 504) goes out with the body
// the first attempt consumed ("ContentLength=N
// with Body length 0", issue #751). The binding.Message types, the
// transformers, the request template, the rate limiter and the logging are
// left out, and the backoff strategies are one doubling delay: here
// the event is a []byte and the answer is the *http.Response.
package bad

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

func (p *Protocol) doWithRetry(ctx context.Context, req *http.Request) (*http.Response, error) {
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
