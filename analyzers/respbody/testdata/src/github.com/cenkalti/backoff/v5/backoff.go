// Package backoff is a stand-in for github.com/cenkalti/backoff/v5: Retry
// calls the operation until it returns a nil error or the policy stops,
// and returns the last attempt's result.
package backoff

import "context"

// Operation is an attempt that returns a result.
type Operation[T any] func() (T, error)

// RetryOption sets the policy.
type RetryOption func(*int)

// WithMaxTries bounds the attempts.
func WithMaxTries(n int) RetryOption { return func(p *int) { *p = n } }

// Permanent marks err as one not to retry.
func Permanent(err error) error { return err }

// Retry calls operation until it returns a nil error or the tries run out.
func Retry[T any](ctx context.Context, operation Operation[T], opts ...RetryOption) (T, error) {
	tries := 3
	for _, o := range opts {
		o(&tries)
	}
	var res T
	var err error
	for i := 0; i < tries && ctx.Err() == nil; i++ {
		if res, err = operation(); err == nil {
			return res, nil
		}
	}
	return res, err
}
