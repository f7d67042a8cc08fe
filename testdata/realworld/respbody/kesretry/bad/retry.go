// Package bad is the shape of minio/kes's retrying HTTP client before PR
// #485 (commit 1da59a0): Retry.Do sends a request again after a temporary
// network error or a 5xx answer and overwrites resp with the retry's
// answer, so the 5xx response it drops is never read or closed. A key
// store that keeps answering 503 (the Entrust and Fortanix keystores go
// through this client) leaves a held connection behind on every retry.
package bad

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Retry is an http.Client that retries temporary failures.
type Retry struct {
	http.Client
	N      uint
	Delay  time.Duration
	Jitter time.Duration
}

type nopCloser struct{ io.ReadSeeker }

func (nopCloser) Close() error { return nil }

// RetryReader returns an io.ReadSeekCloser of r.
func RetryReader(r io.ReadSeeker) io.ReadSeeker { return nopCloser{r} }

// Post issues a POST of body, which must implement io.Seeker and
// io.Closer.
func (r *Retry) Post(url, contentType string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	return r.Do(req)
}

// PostForm issues a POST of data, URL-encoded.
func (r *Retry) PostForm(url string, data url.Values) (*http.Response, error) {
	return r.Post(url, "application/x-www-form-urlencoded", RetryReader(strings.NewReader(data.Encode())))
}

// Do sends req, retrying temporary network errors and 5xx answers N times.
func (r *Retry) Do(req *http.Request) (*http.Response, error) {
	N, Delay, Jitter := r.N, r.Delay, r.Jitter
	if N == 0 {
		N = 2
	}
	if Delay == 0 {
		Delay = 200 * time.Millisecond
	}
	if Jitter == 0 {
		Jitter = 800 * time.Millisecond
	}

	type retryReader interface {
		io.Reader
		io.Seeker
		io.Closer
	}
	var body retryReader
	if req.Body != nil {
		var ok bool
		if body, ok = req.Body.(retryReader); !ok {
			return nil, &url.Error{Op: req.Method, URL: req.URL.String(), Err: errors.New("http: request body does not implement io.Seeker")}
		}
	}

	resp, err := r.Client.Do(req)
	for N > 0 && (isTemporary(err) || (resp != nil && resp.StatusCode >= http.StatusInternalServerError)) {
		N--
		delay := Delay + time.Duration(rand.Int63n(Jitter.Milliseconds()))*time.Millisecond
		timer := time.NewTimer(delay)
		select {
		case <-req.Context().Done():
			timer.Stop()
			return nil, &url.Error{Op: req.Method, URL: req.URL.String(), Err: req.Context().Err()}
		case <-timer.C:
		}

		// Rewind the body, or the retry sends only what is left of it.
		if body != nil {
			if _, err = body.Seek(0, io.SeekStart); err != nil {
				return nil, err
			}
			req.Body = body
		}
		resp, err = r.Client.Do(req)
	}
	if isTemporary(err) {
		return nil, &url.Error{Op: req.Method, URL: req.URL.String(), Err: fmt.Errorf("http: temporary network error: %v", err)}
	}
	return resp, err
}

func isTemporary(err error) bool {
	if err == nil {
		return false
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		if netErr.Timeout() {
			return true
		}
		if errors.Is(netErr, io.EOF) || errors.Is(netErr, io.ErrUnexpectedEOF) {
			return true
		}
	}
	return false
}
