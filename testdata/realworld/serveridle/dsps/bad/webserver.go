// Package bad is the shape of saiya/dsps's web server before PR #60: the
// server takes ReadTimeout from its configuration (10 s by default, and
// never zero) and sets no IdleTimeout, so every idle keep-alive connection
// is closed after 10 s, while the load balancers and clients in front of
// it keep theirs open longer and meet closed connections.
package bad

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/realworld/serveridle/dsps/bad/config"
)

// StartServer runs the server until SIGINT or SIGTERM.
func StartServer(mainContext context.Context, cfg *config.HTTPServerConfig, handler http.Handler) {
	config.Postprocess(cfg)
	runServer(mainContext, cfg, handler)
}

func runServer(mainContext context.Context, cfg *config.HTTPServerConfig, engine http.Handler) {
	addr := cfg.Listen
	srv := &http.Server{
		Addr:           addr,
		Handler:        engine,
		ReadTimeout:    cfg.ReadTimeout.Duration,
		WriteTimeout:   cfg.LongPollingMaxTimeout.Duration + cfg.WriteTimeout.Duration,
		MaxHeaderBytes: 1 << 20,
	}
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatalf("HTTP server listen failed on %s: %v", addr, err)
		}
	}()

	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGINT, syscall.SIGTERM)
	<-quit

	ctx, cancel := context.WithTimeout(context.Background(), cfg.GracefulShutdownTimeout.Duration)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		log.Printf("server forced to shutdown: %v", err)
	}
}
