// Package good is boulder's observer/obsclient after PR #8641: Client
// clones http.DefaultTransport and configures only its copy.
package good

import (
	"crypto/tls"
	"net"
	"net/http"
)

// Client returns an http.Client for use in probers.
func Client(insecure bool) *http.Client {
	// Start from a copy of the default transport for its timeouts and proxy
	// settings.
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = Dialer().DialContext
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
	return &http.Client{Transport: t}
}

// Dialer returns the dialer probers use: no fallback from IPv6 to IPv4, so
// that broken IPv6 connectivity is seen.
func Dialer() *net.Dialer {
	return &net.Dialer{FallbackDelay: -1}
}
