// Package admin serves metrics and health checks on a second port.
package admin

import (
	"net/http"
	"time"
)

var metrics http.Server

func init() {
	metrics.Addr = ":9090"
	metrics.Handler = http.NotFoundHandler()
	metrics.ReadTimeout = 5 * time.Second
}

// Health is configured correctly: IdleTimeout is explicit.
func Health() *http.Server {
	return &http.Server{
		Addr:        ":8081",
		ReadTimeout: 2 * time.Second,
		IdleTimeout: 2 * time.Minute,
	}
}

// Start starts both servers.
func Start() {
	go metrics.ListenAndServe()
	go Health().ListenAndServe()
}
