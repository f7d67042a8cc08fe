package bad

import (
	"context"
	"net"
	"net/http"
	"time"
)

// HTTPTransport is the JSON configuration of the proxy's http.Transport.
type HTTPTransport struct {
	KeepAlive   *KeepAlive
	DialTimeout time.Duration

	RoundTripper http.RoundTripper
}

// KeepAlive holds the keep-alive settings; zero fields keep net/http's
// defaults.
type KeepAlive struct {
	ProbeInterval       time.Duration
	MaxIdleConns        int
	MaxIdleConnsPerHost int
	IdleConnTimeout     time.Duration
}

type dialInfoKey struct{}

// Provision sets up h.RoundTripper with an http.Transport.
func (h *HTTPTransport) Provision() error {
	dialer := &net.Dialer{Timeout: h.DialTimeout}
	rt := &http.Transport{
		DialContext: func(ctx context.Context, network, address string) (net.Conn, error) {
			// the upstream chosen for this request travels in its context
			if addr, ok := ctx.Value(dialInfoKey{}).(string); ok {
				address = addr
			}
			return dialer.DialContext(ctx, network, address)
		},
	}
	if h.KeepAlive != nil {
		dialer.KeepAlive = h.KeepAlive.ProbeInterval
		rt.MaxIdleConns = h.KeepAlive.MaxIdleConns
		rt.MaxIdleConnsPerHost = h.KeepAlive.MaxIdleConnsPerHost
		rt.IdleConnTimeout = h.KeepAlive.IdleConnTimeout
	}
	h.RoundTripper = rt
	return nil
}

// RoundTrip implements http.RoundTripper with h.RoundTripper.
func (h HTTPTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return h.RoundTripper.RoundTrip(req)
}
