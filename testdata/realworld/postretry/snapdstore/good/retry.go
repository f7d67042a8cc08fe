package good

import (
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"gopkg.in/retry.v1"
)

// defaultRetryStrategy allows five attempts in 33 s, a little more than
// three times the client's timeout.
var defaultRetryStrategy = retry.LimitCount(5, retry.LimitTime(33*time.Second,
	retry.Exponential{
		Initial: 100 * time.Millisecond,
		Factor:  2.5,
	},
))

func maybeLogRetryAttempt(url string, attempt *retry.Attempt, start time.Time) {
	if os.Getenv("SNAPD_DEBUG") != "" || attempt.Count() > 1 {
		log.Printf("Retrying %s, attempt %d, elapsed time=%v", url, attempt.Count(), time.Since(start))
	}
}

func shouldRetryHttpResponse(attempt *retry.Attempt, resp *http.Response) bool {
	if !attempt.More() {
		return false
	}
	return resp.StatusCode == 500 || resp.StatusCode == 502 || resp.StatusCode == 503
}

func shouldRetryError(attempt *retry.Attempt, err error) bool {
	if !attempt.More() {
		return false
	}
	if urlErr, ok := err.(*url.Error); ok {
		return urlErr.Err == io.ErrUnexpectedEOF || urlErr.Err == io.EOF
	}
	if netErr, ok := err.(net.Error); ok {
		return netErr.Timeout()
	}
	return err == io.ErrUnexpectedEOF || err == io.EOF
}
