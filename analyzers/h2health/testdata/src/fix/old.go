//go:build go1.23

package fix

import (
	"net/http"

	"golang.org/x/net/http2"
)

// No fix: Transport.Protocols came in Go 1.24.
func old() *http.Transport {
	t := &http.Transport{}
	http2.ConfigureTransport(t) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
	return t
}
