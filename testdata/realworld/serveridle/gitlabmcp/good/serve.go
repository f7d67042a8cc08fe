// Package good is gitlab-mcp-server after PR #179: 0 maps to a long
// sentinel, so the server never falls back to ReadTimeout.
package good

import (
	"net/http"
	"time"
)

func effectiveIdleTimeout(d time.Duration) time.Duration {
	if d <= 0 {
		return 10 * 365 * 24 * time.Hour
	}
	return d
}

func serveHTTP(addr string, h http.Handler, idleTimeout time.Duration) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       effectiveIdleTimeout(idleTimeout),
	}
	return srv.ListenAndServe()
}
