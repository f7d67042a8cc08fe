// Package bad is the shape of open-telemetry/opamp-go's HTTP sender
// (client/internal/httpsender.go) before PR #425 (issue #422): the sender
// starts with http.DefaultClient and, when it runs, installs its redirect
// hook on it, a write to the process-wide client that races with every
// request in flight through it (the race detector caught it in
// TestRedirectHTTP).
package bad

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"time"
)

// HTTPSender polls the OpAMP server over plain HTTP.
type HTTPSender struct {
	url             string
	client          *http.Client
	pollingInterval time.Duration
	onRedirect      func(*http.Request) error
}

// NewHTTPSender creates a sender that uses the default client.
func NewHTTPSender() *HTTPSender {
	return &HTTPSender{
		client:          http.DefaultClient,
		pollingInterval: 30 * time.Second,
	}
}

// AddTLSConfig sets the TLS configuration of the sender's transport.
func (h *HTTPSender) AddTLSConfig(config *tls.Config) {
	if config != nil {
		h.client.Transport = &http.Transport{TLSClientConfig: config}
	}
}

func (h *HTTPSender) checkRedirect(req *http.Request, via []*http.Request) error {
	if h.onRedirect != nil {
		return h.onRedirect(req)
	}
	return nil
}

// Run polls url until ctx is done.
func (h *HTTPSender) Run(ctx context.Context, url string, onRedirect func(*http.Request) error) {
	h.url = url
	h.onRedirect = onRedirect
	h.client.CheckRedirect = h.checkRedirect
	t := time.NewTicker(h.pollingInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			h.send(ctx, nil)
		}
	}
}

func (h *HTTPSender) send(ctx context.Context, msg []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, bytes.NewReader(msg))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-protobuf")
	for {
		resp, err := h.client.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			return resp.Body.Close()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
		req.Body = io.NopCloser(bytes.NewReader(msg))
	}
}
