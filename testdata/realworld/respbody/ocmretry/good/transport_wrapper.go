// Package good is the wrapper after commit 3df8c8c9: the response of an
// attempt that will be retried is closed before the next attempt (unread,
// so its connection is released rather than reused).
package good

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"math/rand"
	"net/http"
	"strings"
	"time"
)

// TransportWrapper wraps transports with retries.
type TransportWrapper struct {
	limit    int
	interval time.Duration
	jitter   float64
}

// NewTransportWrapper returns a wrapper retrying up to limit times.
func NewTransportWrapper(limit int, interval time.Duration, jitter float64) *TransportWrapper {
	return &TransportWrapper{limit: limit, interval: interval, jitter: jitter}
}

// Wrap returns a round tripper retrying through transport.
func (w *TransportWrapper) Wrap(transport http.RoundTripper) http.RoundTripper {
	return &roundTripper{transport: transport, limit: w.limit, interval: w.interval, jitter: w.jitter}
}

type roundTripper struct {
	transport http.RoundTripper
	limit     int
	interval  time.Duration
	jitter    float64
}

// RoundTrip sends request, retrying it on transient failures.
func (t *roundTripper) RoundTrip(request *http.Request) (response *http.Response, err error) {
	originalBody := request.Body
	defer func() {
		request.Body = originalBody
	}()
	var bodyCopy []byte
	if originalBody != nil {
		bodyCopy, err = io.ReadAll(originalBody)
		if err != nil {
			return
		}
	}

	attempt := 0
	for {
		if attempt > 0 {
			t.sleep(attempt)
		}
		if bodyCopy != nil {
			request.Body = io.NopCloser(bytes.NewBuffer(bodyCopy))
		}

		response, err = t.transport.RoundTrip(request)
		attempt++
		if attempt > t.limit {
			return
		}

		if err != nil {
			message := err.Error()
			switch {
			case strings.Contains(message, "EOF"),
				strings.Contains(message, "connection reset by peer"):
				log.Printf("%s %s failed, will try again: %v", request.Method, request.URL, err)
				continue
			default:
				err = fmt.Errorf("can't send request: %w", err)
				return
			}
		}

		code := response.StatusCode
		switch {
		case code == http.StatusServiceUnavailable || code == http.StatusTooManyRequests:
			log.Printf("%s %s failed with code %d, will try again", request.Method, request.URL, code)
			if err := response.Body.Close(); err != nil {
				log.Printf("failed to close response body for %s %s", request.Method, request.URL)
			}
			continue
		case code >= 500 && request.Method == http.MethodGet:
			log.Printf("%s %s failed with code %d, will try again", request.Method, request.URL, code)
			if err := response.Body.Close(); err != nil {
				log.Printf("failed to close response body for %s %s", request.Method, request.URL)
			}
			continue
		default:
			return
		}
	}
}

func (t *roundTripper) sleep(attempt int) {
	interval := t.interval * (1 << (attempt - 1))
	factor := t.jitter * (1 - 2*rand.Float64())
	interval += time.Duration(float64(interval) * factor)
	time.Sleep(interval)
}
