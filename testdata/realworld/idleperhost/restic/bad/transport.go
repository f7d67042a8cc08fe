// Package bad is the shape of restic's backend package before PR #986
// (issue #985): Transport, the RoundTripper every HTTP backend of restic is
// built on, copies DefaultTransport's settings but not a per-host idle
// limit, so it keeps 2 idle connections per host. The REST backend
// (package rest below) sends up to 40 requests at a time to its one
// server, and the S3 backend as many to its one endpoint, so all but 2 of
// those connections were closed after each request.
package bad

import (
	"net"
	"net/http"
	"time"

	"example.com/realworld/idleperhost/restic/bad/debug"
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
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}

	// logs requests and responses when restic is built with debugging
	return debug.RoundTripper(tr)
}
