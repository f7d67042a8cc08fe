// Package backoff is a stand-in for gopkg.in/cenkalti/backoff.v1, the
// same package as github.com/cenkalti/backoff at the path some modules
// import it by, with the parts the real-world cases use: an exponential
// policy and Retry and RetryNotify, which call an operation until it
// returns nil or the policy gives up.
package backoff

import "time"

// BackOff is a policy for the waits between retries.
type BackOff interface {
	NextBackOff() time.Duration
	Reset()
}

// Stop is returned by NextBackOff when no more retries should be made.
const Stop time.Duration = -1

// ExponentialBackOff doubles the wait after each retry.
type ExponentialBackOff struct {
	InitialInterval time.Duration
	MaxInterval     time.Duration
	MaxElapsedTime  time.Duration

	current time.Duration
	start   time.Time
}

// NewExponentialBackOff returns the default exponential policy.
func NewExponentialBackOff() *ExponentialBackOff {
	b := &ExponentialBackOff{InitialInterval: 500 * time.Millisecond, MaxInterval: time.Minute, MaxElapsedTime: 15 * time.Minute}
	b.Reset()
	return b
}

// Reset starts the policy over.
func (b *ExponentialBackOff) Reset() {
	b.current = b.InitialInterval
	b.start = time.Now()
}

// NextBackOff returns the next wait, or Stop.
func (b *ExponentialBackOff) NextBackOff() time.Duration {
	if b.MaxElapsedTime != 0 && time.Since(b.start) > b.MaxElapsedTime {
		return Stop
	}
	d := b.current
	b.current = min(2*b.current, b.MaxInterval)
	return d
}

// Retry calls o until it returns nil or b returns Stop, and returns o's
// last error.
func Retry(o func() error, b BackOff) error {
	b.Reset()
	for {
		err := o()
		if err == nil {
			return nil
		}
		next := b.NextBackOff()
		if next == Stop {
			return err
		}
		time.Sleep(next)
	}
}

// Notify is told of each failed attempt and the wait before the next.
type Notify func(error, time.Duration)

// RetryNotify is Retry that calls notify after each failed attempt that
// is retried.
func RetryNotify(o func() error, b BackOff, notify Notify) error {
	b.Reset()
	for {
		err := o()
		if err == nil {
			return nil
		}
		next := b.NextBackOff()
		if next == Stop {
			return err
		}
		if notify != nil {
			notify(err, next)
		}
		time.Sleep(next)
	}
}
