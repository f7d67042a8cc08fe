// Package good is the downloader after PR #1924: the answer other than
// 200 is read to its end (io.Copy to io.Discard) before it is closed, so
// its connection goes back to the pool for the next attempt.
package good

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/avast/retry-go/v4"
)

// Downloader is the part of blocky's config.Downloader used here.
type Downloader struct {
	Timeout  time.Duration
	Attempts uint
	Cooldown time.Duration
}

// TransientError is a timeout or another temporary failure.
type TransientError struct{ inner error }

func (e *TransientError) Error() string { return fmt.Sprintf("temporary error occurred: %v", e.inner) }

func (e *TransientError) Unwrap() error { return e.inner }

type httpDownloader struct {
	cfg    Downloader
	client http.Client
}

// NewDownloader returns a downloader over transport.
func NewDownloader(cfg Downloader, transport http.RoundTripper) *httpDownloader {
	return &httpDownloader{
		cfg:    cfg,
		client: http.Client{Transport: transport, Timeout: cfg.Timeout},
	}
}

// DownloadFile returns the body of link's 200 answer.
func (d *httpDownloader) DownloadFile(ctx context.Context, link string) (io.ReadCloser, error) {
	var body io.ReadCloser
	err := retry.Do(
		func() error {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
			if err != nil {
				return fmt.Errorf("failed to create HTTP request for '%s': %w", link, err)
			}
			resp, httpErr := d.client.Do(req)
			if httpErr == nil {
				if resp.StatusCode == http.StatusOK {
					body = resp.Body
					return nil
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				return fmt.Errorf("got status code %d", resp.StatusCode)
			}
			var netErr net.Error
			if errors.As(httpErr, &netErr) && netErr.Timeout() {
				return &TransientError{inner: netErr}
			}
			return fmt.Errorf("HTTP request to '%s' failed: %w", link, httpErr)
		},
		retry.Attempts(d.cfg.Attempts),
		retry.Delay(d.cfg.Cooldown),
		retry.OnRetry(func(n uint, err error) {
			log.Printf("can't download %s (attempt %d/%d): %v", link, n+1, d.cfg.Attempts, err)
		}))
	if err != nil {
		return nil, fmt.Errorf("failed to download file from '%s': %w", link, err)
	}
	return body, nil
}
