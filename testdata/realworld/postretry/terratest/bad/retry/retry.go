// Package retry runs test actions again until they succeed.
package retry

import (
	"fmt"
	"testing"
	"time"
)

// FatalError stops the retries at once.
type FatalError struct {
	Underlying error
}

func (err FatalError) Error() string {
	return fmt.Sprintf("FatalError{Underlying: %v}", err.Underlying)
}

// MaxRetriesExceeded is returned when the action never succeeded.
type MaxRetriesExceeded struct {
	Description string
	MaxRetries  int
}

func (err MaxRetriesExceeded) Error() string {
	return fmt.Sprintf("'%s' unsuccessful after %d retries", err.Description, err.MaxRetries)
}

// DoWithRetry runs action until it returns no error, up to maxRetries
// more times, and fails the test if it never does.
func DoWithRetry(t *testing.T, description string, maxRetries int, sleepBetweenRetries time.Duration, action func() (string, error)) string {
	out, err := DoWithRetryE(t, description, maxRetries, sleepBetweenRetries, action)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// DoWithRetryE runs action until it returns no error, sleeping between
// attempts, up to maxRetries more times; a FatalError ends it at once.
func DoWithRetryE(t *testing.T, description string, maxRetries int, sleepBetweenRetries time.Duration, action func() (string, error)) (string, error) {
	var output string
	var err error
	for i := 0; i <= maxRetries; i++ {
		t.Log(description)
		output, err = action()
		if err == nil {
			return output, nil
		}
		if _, fatal := err.(FatalError); fatal {
			t.Logf("Returning due to fatal error: %v", err)
			return output, err
		}
		t.Logf("%s returned an error: %s. Sleeping for %s and will try again.", description, err.Error(), sleepBetweenRetries)
		time.Sleep(sleepBetweenRetries)
	}
	return output, MaxRetriesExceeded{Description: description, MaxRetries: maxRetries}
}
