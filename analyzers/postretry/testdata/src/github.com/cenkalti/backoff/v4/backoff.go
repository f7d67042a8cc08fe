// Package backoff stands in for github.com/cenkalti/backoff/v4: the
// helpers call the operation again after each error until a policy stops.
package backoff

import "time"

// Operation is one attempt.
type Operation func() error

// Notify hears of each failed attempt.
type Notify func(error, time.Duration)

// BackOff says whether to try again.
type BackOff interface{ Again() bool }

// RetryNotify calls op until it returns nil or b stops, telling n of each
// failure.
func RetryNotify(op Operation, b BackOff, n Notify) error {
	for {
		err := op()
		if err == nil || !b.Again() {
			return err
		}
		n(err, time.Second)
	}
}
