// Package exthttp stands for thanos-io/thanos's pkg/exthttp, added by PR
// #1969: NewTransport returns a transport with http.DefaultTransport's
// settings (MaxIdleConns 100 and no MaxIdleConnsPerHost, so still 2 per
// host); callers raise the per-host limit themselves.
package exthttp

import (
	"net"
	"net/http"
	"time"
)

// NewTransport creates a new http.Transport with default settings.
func NewTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}
}
