// Package bad is the shape of jmrplens/gitlab-mcp-server's HTTP mode that PR
// #179 fixed: ReadTimeout is 30 s and IdleTimeout comes from a flag whose
// help says 0 disables idle closing; but with 0 net/http falls back to
// ReadTimeout, so long-lived sessions were dropped after 30 s of quiet.
package bad

import (
	"net/http"
	"time"
)

func serveHTTP(addr string, h http.Handler, idleTimeout time.Duration) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
	}
	if idleTimeout > 0 {
		srv.IdleTimeout = idleTimeout
	}
	return srv.ListenAndServe()
}
