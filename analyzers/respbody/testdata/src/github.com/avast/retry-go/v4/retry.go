// Package retry is a stand-in for github.com/avast/retry-go/v4.
package retry

// RetryableFunc is an attempt.
type RetryableFunc func() error

// Do calls f up to three times, while it fails.
func Do(f RetryableFunc) error {
	var err error
	for range 3 {
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}
