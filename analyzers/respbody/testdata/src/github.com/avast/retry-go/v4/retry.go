// Package retry is a stand-in for github.com/avast/retry-go/v4.
package retry

// RetryableFunc is an attempt.
type RetryableFunc func() error

type unrecoverableError struct{ error }

// Unrecoverable wraps err so that Do returns it at once, without another
// attempt.
func Unrecoverable(err error) error { return unrecoverableError{err} }

// Do calls f up to three times, while it fails with a recoverable error.
func Do(f RetryableFunc) error {
	var err error
	for range 3 {
		if err = f(); err == nil {
			return nil
		}
		if _, ok := err.(unrecoverableError); ok {
			return err
		}
	}
	return err
}
