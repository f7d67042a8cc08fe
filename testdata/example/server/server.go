// Package server is a small HTTP service with the keep-alive mistakes kalint
// finds. Run kalint on it from the repository root:
//
//	go run ./cmd/kalint ./testdata/example/...
package server

import (
	"context"
	"net/http"
	"time"
)

// Config comes from flags or the environment.
type Config struct {
	Addr         string
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

// New builds the public API server. ReadTimeout is set, IdleTimeout is not:
// idle keep-alive connections are closed after ReadTimeout, and clients
// that reuse them get EOF.
func New(cfg Config, h http.Handler) *http.Server {
	return &http.Server{
		Addr:         cfg.Addr,
		Handler:      h,
		ReadTimeout:  cfg.ReadTimeout,
		WriteTimeout: cfg.WriteTimeout,
	}
}

// Run serves until ctx is done.
func Run(ctx context.Context, srv *http.Server) error {
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
	}()
	return srv.ListenAndServe()
}
