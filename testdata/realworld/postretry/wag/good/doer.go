// Package good is the shape of the Go client that Clever/wag generated
// after PR #153 (April 2017): retryDoer.Do reads the request body once
// and sets a fresh reader of those bytes as the Body before every
// attempt, so a retried PutBook sends the whole book again.
package good

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand"
	"net/http"
	"time"

	"github.com/afex/hystrix-go/hystrix"
)

// doer is an interface for "doing" http requests possibly with wrapping
type doer interface {
	Do(c *http.Client, r *http.Request) (*http.Response, error)
}

type opNameCtx struct{}

// baseDoer performs the base http request.
type baseDoer struct{}

func (d baseDoer) Do(c *http.Client, r *http.Request) (*http.Response, error) {
	return c.Do(r)
}

// tracingDoer adds the operation's name to the request's trace headers.
type tracingDoer struct {
	d doer
}

func (d tracingDoer) Do(c *http.Client, r *http.Request) (*http.Response, error) {
	if opName, ok := r.Context().Value(opNameCtx{}).(string); ok {
		r.Header.Set("X-Trace-Op", opName)
	}
	return d.d.Do(c, r)
}

// RetryPolicy decides whether a request is sent again.
type RetryPolicy interface {
	// Backoffs returns the number and timing of retry attempts.
	Backoffs() []time.Duration
	// Retry receives the request and the result of its send.
	Retry(*http.Request, *http.Response, error) bool
}

// SingleRetryPolicy retries a request once, a second after it failed.
type SingleRetryPolicy struct{}

func (SingleRetryPolicy) Backoffs() []time.Duration { return []time.Duration{time.Second} }

// Retry retries non-POST, non-PATCH requests that 5XX.
func (SingleRetryPolicy) Retry(req *http.Request, resp *http.Response, err error) bool {
	if err != nil || req.Method == "POST" || req.Method == "PATCH" || resp.StatusCode < 500 {
		return false
	}
	return true
}

// ExponentialRetryPolicy retries five times, 100 ms to 1.6 s apart.
type ExponentialRetryPolicy struct{}

func (ExponentialRetryPolicy) Backoffs() []time.Duration {
	ret := make([]time.Duration, 5)
	next := 100 * time.Millisecond
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	for i := range ret {
		ret[i] = next + time.Duration((rnd.Float64()*2-1)*0.05*float64(next))
		next *= 2
	}
	return ret
}

// Retry retries non-POST, non-PATCH requests that 5XX.
func (ExponentialRetryPolicy) Retry(req *http.Request, resp *http.Response, err error) bool {
	if err != nil || req.Method == "POST" || req.Method == "PATCH" || resp.StatusCode < 500 {
		return false
	}
	return true
}

// NoRetryPolicy never retries.
type NoRetryPolicy struct{}

func (NoRetryPolicy) Backoffs() []time.Duration                       { return nil }
func (NoRetryPolicy) Retry(*http.Request, *http.Response, error) bool { return false }

type retryContext struct{}

// WithRetryPolicy overrides the client's retry policy for one request.
func WithRetryPolicy(ctx context.Context, retryPolicy RetryPolicy) context.Context {
	return context.WithValue(ctx, retryContext{}, retryPolicy)
}

// retryDoer retries 5XX answers.
type retryDoer struct {
	d           doer
	retryPolicy RetryPolicy
}

func (d *retryDoer) Do(c *http.Client, r *http.Request) (*http.Response, error) {
	retryPolicy, ok := r.Context().Value(retryContext{}).(RetryPolicy)
	if !ok {
		retryPolicy = d.retryPolicy
	}
	backoffs := retryPolicy.Backoffs()
	var resp *http.Response
	var err error

	// Save the request body in case we have to retry: the first attempt
	// reads it to the end.
	var buf []byte
	if r.Body != nil {
		var err error
		buf, err = io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
	}

	for retries := 0; true; retries++ {
		if r.Body != nil {
			r.Body = io.NopCloser(bytes.NewBuffer(buf))
		}
		resp, err = d.d.Do(c, r)
		if retries == len(backoffs) || !retryPolicy.Retry(r, resp, err) {
			break
		}
		// Close the response body and try again
		resp.Body.Close()
		time.Sleep(backoffs[retries])
	}
	return resp, err
}

// circuitBreakerDoer opens the circuit when too many requests fail; in
// debug mode it only records their outcome.
type circuitBreakerDoer struct {
	d           doer
	debug       bool
	circuitName string
}

func (d *circuitBreakerDoer) Do(c *http.Client, r *http.Request) (*http.Response, error) {
	if d.debug {
		resp, err := d.d.Do(c, r)
		hystrix.Do(d.circuitName, func() error {
			if err != nil {
				return err
			}
			if resp.StatusCode >= 500 {
				return errors.New("5XX")
			}
			return nil
		}, nil)
		return resp, err
	}
	var resp *http.Response
	var err error
	err = hystrix.Do(d.circuitName, func() error {
		resp, err = d.d.Do(c, r)
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			// need to return an error to trigger circuit opening
			return errors.New("5XX")
		}
		return nil
	}, nil)
	return resp, err
}
