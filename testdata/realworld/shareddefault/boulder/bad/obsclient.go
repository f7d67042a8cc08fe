// Package bad is the shape of letsencrypt/boulder's observer/obsclient
// before PR #8641: Client starts from http.DefaultTransport to keep its
// defaults, but takes the shared transport itself rather than a copy, so
// setting the prober dialer and the insecure TLS config on it changes the
// transport of every http.Get and default client in the observer, and each
// prober that asks for a client rewrites it again.
package bad

import (
	"crypto/tls"
	"net"
	"net/http"
)

// Client returns an http.Client for use in probers.
func Client(insecure bool) *http.Client {
	// Start from the default transport for its timeouts and proxy settings.
	t := http.DefaultTransport.(*http.Transport)
	t.DialContext = Dialer().DialContext
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
	return &http.Client{Transport: t}
}

// Dialer returns the dialer probers use: no fallback from IPv6 to IPv4, so
// that broken IPv6 connectivity is seen.
func Dialer() *net.Dialer {
	return &net.Dialer{FallbackDelay: -1}
}
