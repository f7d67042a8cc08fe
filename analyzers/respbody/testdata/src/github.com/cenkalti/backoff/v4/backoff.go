// Package backoff is a stand-in for github.com/cenkalti/backoff/v4: Retry
// calls the operation until it returns nil or the policy stops.
package backoff

// Operation is an attempt.
type Operation func() error

// Notify is told of each failed attempt.
type Notify func(error, int)

// BackOff is a retry policy.
type BackOff interface{ Next() bool }

// Retry calls o until it returns nil or b stops.
func Retry(o Operation, b BackOff) error {
	for {
		err := o()
		if err == nil || !b.Next() {
			return err
		}
	}
}

// RetryNotify is Retry that calls notify after each failed attempt.
func RetryNotify(o Operation, b BackOff, notify Notify) error {
	for i := 0; ; i++ {
		err := o()
		if err == nil || !b.Next() {
			return err
		}
		notify(err, i)
	}
}
