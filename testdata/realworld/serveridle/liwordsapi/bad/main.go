// Package bad is the shape of woogles-io/liwords's API server main before
// PR #1816 (the same PR fixed the socket server, case liwords): the server
// that serves the API, the event stream and the OBS overlays sets a 10 s
// ReadTimeout and no IdleTimeout, so idle keep-alive connections close
// after 10 s while the load balancer in front keeps them for 60 s.
package bad

import (
	"context"
	"expvar"
	"fmt"
	"log"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"
)

// GracefulShutdownTimeout bounds the shutdown.
const GracefulShutdownTimeout = 20 * time.Second

// Config is the API server's configuration.
type Config struct {
	ListenAddr string
	NatsURL    string
}

// Bus relays game and tournament events between the API and the sockets.
type Bus struct{ eventAPI http.Handler }

// NewBus connects the bus.
func NewBus(cfg *Config) (*Bus, error) {
	return &Bus{eventAPI: http.NotFoundHandler()}, nil
}

// ProcessMessages relays messages until ctx is done.
func (b *Bus) ProcessMessages(ctx context.Context) { <-ctx.Done() }

// EventAPIServerInstance serves the event stream.
func (b *Bus) EventAPIServerInstance() http.Handler { return b.eventAPI }

// GameStore caches games.
type GameStore struct{ stop chan struct{} }

// CachedCount is the number of cached games.
func (s *GameStore) CachedCount(ctx context.Context) int { return 0 }

// StopCleanup stops the cache's cleanup loop.
func (s *GameStore) StopCleanup() { close(s.stop) }

// Main runs the API server.
func Main(cfg *Config, api http.Handler) {
	ctx, pubsubCancel := context.WithCancel(context.Background())
	stores := &GameStore{stop: make(chan struct{})}

	router := http.NewServeMux()
	router.Handle("/api/", api)
	router.Handle("/debug/pprof/goroutine", pprof.Handler("goroutine"))
	router.Handle("/debug/pprof/heap", pprof.Handler("heap"))
	router.Handle("/debug/vars", http.DefaultServeMux)

	expvar.Publish("goroutines", expvar.Func(func() any {
		return fmt.Sprintf("%d", runtime.NumGoroutine())
	}))
	expvar.Publish("gameCacheSize", expvar.Func(func() any {
		return fmt.Sprintf("%d", stores.CachedCount(context.Background()))
	}))

	idleConnsClosed := make(chan struct{})
	sig := make(chan os.Signal, 1)

	pubsubBus, err := NewBus(cfg)
	if err != nil {
		panic(err)
	}
	router.Handle("/gameevents/", pubsubBus.EventAPIServerInstance())

	srv := &http.Server{
		Addr:         cfg.ListenAddr,
		Handler:      router,
		WriteTimeout: 120 * time.Second,
		ReadTimeout:  10 * time.Second}

	go pubsubBus.ProcessMessages(ctx)

	go func() {
		signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
		<-sig
		ctx, shutdownCancel := context.WithTimeout(context.Background(), GracefulShutdownTimeout)
		if err := srv.Shutdown(ctx); err != nil {
			log.Printf("HTTP server Shutdown: %v", err)
		}
		shutdownCancel()
		pubsubCancel()
		stores.StopCleanup()
		close(idleConnsClosed)
	}()
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
	<-idleConnsClosed
}
