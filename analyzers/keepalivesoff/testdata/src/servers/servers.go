// Package servers switches server keep-alives off.
package servers

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func Serve() error {
	srv := &http.Server{Addr: ":8080"}
	srv.SetKeepAlivesEnabled(false) // want `http.Server disables keep-alives outside shutdown \(a new TCP connection per request`
	return srv.ListenAndServe()
}

func ServeGood() error {
	srv := &http.Server{Addr: ":8080"}
	srv.SetKeepAlivesEnabled(true)
	return srv.ListenAndServe()
}

// Created in a constructor.
func New() *http.Server {
	srv := &http.Server{Addr: ":8080"}
	srv.SetKeepAlivesEnabled(false) // want `disables keep-alives outside shutdown`
	return srv
}

// Configured: not a constant.
func NewConfigured(keepAlive bool) *http.Server {
	srv := &http.Server{Addr: ":8080"}
	srv.SetKeepAlivesEnabled(keepAlive)
	return srv
}

// The graceful-shutdown idiom: after a signal.
func Main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	<-sig
	srv.SetKeepAlivesEnabled(false)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
}

// Right before Close, with no serve after it.
func Stop(srv *http.Server) {
	srv.SetKeepAlivesEnabled(false)
	srv.Close()
}

func Run(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		<-ctx.Done()
		srv.SetKeepAlivesEnabled(false)
		srv.Shutdown(context.Background())
	}()
	return srv.ListenAndServe()
}

// A drain hook of its own.
type App struct{ srv *http.Server }

func (a *App) Drain() { a.srv.SetKeepAlivesEnabled(false) }

// Shutdown later does not excuse a switch before the serve.
func ServeThenStop(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	srv.SetKeepAlivesEnabled(false) // want `disables keep-alives outside shutdown`
	err := srv.ListenAndServe()
	srv.Shutdown(ctx)
	return err
}
