// Package bad is the shape of 0xERR0R/blocky's list downloader
// (lists/downloader.go) before PR #1924: DownloadFile fetches a block or
// allow list inside retry.Do, and an answer other than 200 is closed
// unread before the next attempt asks the same host again, so a list
// server that answers with an error page costs a connection on every
// attempt (for HTTP/1.x; an HTTP/2 server only has its stream reset). The
// other hunk of the PR, the same drain in the DNS-over-HTTPS client's
// callExternal (resolver/upstream_resolver.go), is left out, as are the
// download-error event and the timeout classification's log fields.
package bad

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
