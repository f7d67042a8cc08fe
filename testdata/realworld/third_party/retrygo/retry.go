// Package retry is a stand-in for the part of github.com/avast/retry-go/v4
// that blocky's downloader uses: Do calls fn until it returns nil or the
// attempts are used up, waiting a fixed delay between attempts.
package retry

import "time"

type config struct {
	attempts uint
	delay    time.Duration
	onRetry  func(n uint, err error)
}

// Option configures Do.
type Option func(*config)

// Attempts sets how many times fn is called at most.
func Attempts(n uint) Option { return func(c *config) { c.attempts = n } }

// Delay sets the wait between attempts.
func Delay(d time.Duration) Option { return func(c *config) { c.delay = d } }

// OnRetry sets a function called after each failed attempt.
func OnRetry(f func(n uint, err error)) Option { return func(c *config) { c.onRetry = f } }

// Do calls fn until it succeeds or the attempts are used up, and returns
// the last error.
func Do(fn func() error, opts ...Option) error {
	c := &config{attempts: 10, delay: 100 * time.Millisecond}
	for _, o := range opts {
		o(c)
	}
	var err error
	for n := uint(0); n < c.attempts; n++ {
		if err = fn(); err == nil {
			return nil
		}
		if c.onRetry != nil {
			c.onRetry(n, err)
		}
		if n+1 < c.attempts {
			time.Sleep(c.delay)
		}
	}
	return err
}
