// Package good is liwords's socket server after PR #1816: IdleTimeout is
// 90 s, above the load balancer's 60 s, so the balancer always closes an
// idle connection first.
package good

import (
	"context"
	"expvar"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"
)

// GracefulShutdownTimeout bounds the shutdown.
const GracefulShutdownTimeout = 30 * time.Second

// Config is the socket server's configuration.
type Config struct {
	WebsocketAddress string
	Debug            bool
}

// Hub relays messages to the connected sockets.
type Hub struct{ cfg *Config }

// NewHub makes the hub.
func NewHub(cfg *Config) (*Hub, error) { return &Hub{cfg: cfg}, nil }

// Run relays messages until the process ends.
func (h *Hub) Run() {}

// ServeWS upgrades the request and registers the socket with h.
func ServeWS(h *Hub, w http.ResponseWriter, r *http.Request) {
	http.Error(w, "websocket upgrade required", http.StatusUpgradeRequired)
}

func pingEndpoint(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(`{"status":"copacetic"}`))
}

// Main runs the socket server.
func Main(cfg *Config) {
	h, err := NewHub(cfg)
	if err != nil {
		panic(err)
	}
	go h.Run()

	expvar.Publish("goroutines", expvar.Func(func() any {
		return fmt.Sprintf("%d", runtime.NumGoroutine())
	}))

	router := http.NewServeMux()
	router.Handle("/ping", http.HandlerFunc(pingEndpoint))
	router.Handle("/ws", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ServeWS(h, w, r)
	}))
	router.Handle("/debug/vars", http.DefaultServeMux)

	srv := &http.Server{
		Addr:         cfg.WebsocketAddress,
		Handler:      router,
		WriteTimeout: 10 * time.Second,
		ReadTimeout:  10 * time.Second,
		IdleTimeout:  90 * time.Second}

	idleConnsClosed := make(chan struct{})
	sig := make(chan os.Signal, 1)
	go func() {
		signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
		<-sig
		ctx, cancel := context.WithTimeout(context.Background(), GracefulShutdownTimeout)
		if err := srv.Shutdown(ctx); err != nil {
			log.Printf("HTTP server Shutdown: %v", err)
		}
		cancel()
		close(idleConnsClosed)
	}()

	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
	<-idleConnsClosed
}
