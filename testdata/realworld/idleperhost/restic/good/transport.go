// Package good is restic's backend package after PR #986: Transport keeps
// up to 100 idle connections per host, as many as it keeps in all, so the
// REST and S3 backends' concurrent requests to their one server reuse them.
package good

import (
	"net"
	"net/http"
	"time"

	"example.com/realworld/idleperhost/restic/good/debug"
)

// Transport returns a new http.RoundTripper with default settings applied.
func Transport() http.RoundTripper {
	// the settings of net/http's DefaultTransport
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}

	// logs requests and responses when restic is built with debugging
	return debug.RoundTripper(tr)
}
