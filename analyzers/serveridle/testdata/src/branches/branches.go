// Servers built in one function and configured or started in another.
package branches

import (
	"context"
	"net/http"
	"time"
)

func build(addr string) *http.Server {
	return &http.Server{Addr: addr, ReadTimeout: 15 * time.Second} // want `close after 15s`
}

func Run() error {
	srv := build(":8080")
	go func() {
		<-context.Background().Done()
		srv.Shutdown(context.Background())
	}()
	return srv.ListenAndServe()
}

func buildGood(addr string) *http.Server {
	return &http.Server{Addr: addr, ReadTimeout: 15 * time.Second}
}

func RunGood() error {
	srv := buildGood(":8080")
	srv.IdleTimeout = time.Minute
	return srv.ListenAndServe()
}

func configure(s *http.Server) { s.IdleTimeout = 3 * time.Minute }

func RunHelper() error {
	srv := &http.Server{ReadTimeout: 15 * time.Second}
	configure(srv)
	return srv.ListenAndServe()
}

func setRead(s *http.Server, d time.Duration) {
	s.ReadTimeout = d // want `close after ReadTimeout`
}

func RunSetRead() error {
	srv := &http.Server{Addr: ":8080"}
	setRead(srv, time.Second)
	return srv.ListenAndServe()
}

func withErr() (*http.Server, error) {
	return &http.Server{ReadTimeout: 20 * time.Second}, nil // want `close after 20s`
}

func RunTuple() error {
	srv, err := withErr()
	if err != nil {
		return err
	}
	return srv.ListenAndServe()
}

func RunConditional(tls bool) error {
	var srv *http.Server
	if tls {
		srv = &http.Server{ReadTimeout: time.Second}
	} else {
		srv = &http.Server{ReadTimeout: 2 * time.Second}
	}
	srv.IdleTimeout = time.Minute // both servers reach this store
	return srv.ListenAndServe()
}

// Exported constructors are judged by what this package does.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadTimeout: 5 * time.Second} // want `close after 5s`
}

// IdleTimeout set on one path only: with idle <= 0 the server falls back
// to ReadTimeout.
func RunFlag(addr string, idle time.Duration) error {
	srv := &http.Server{Addr: addr, ReadTimeout: 30 * time.Second} // want `close after 30s`
	if idle > 0 {
		srv.IdleTimeout = idle
	}
	return srv.ListenAndServe()
}

// A default first, the flag over it: every path sets it.
func RunFlagGood(addr string, idle time.Duration) error {
	srv := &http.Server{Addr: addr, ReadTimeout: 30 * time.Second}
	srv.IdleTimeout = 2 * time.Minute
	if idle > 0 {
		srv.IdleTimeout = idle
	}
	return srv.ListenAndServe()
}

// Both branches set it.
func RunEither(addr string, idle time.Duration) error {
	srv := &http.Server{Addr: addr, ReadTimeout: 30 * time.Second}
	if idle > 0 {
		srv.IdleTimeout = idle
	} else {
		srv.IdleTimeout = time.Minute
	}
	return srv.ListenAndServe()
}

// An early return that does not serve skips the store harmlessly.
func NewFlagServer(addr string, idle time.Duration) (*http.Server, error) {
	srv := &http.Server{Addr: addr, ReadTimeout: 30 * time.Second}
	if addr == "" {
		return nil, context.Canceled
	}
	srv.IdleTimeout = idle
	return srv, nil
}

// Returned on the path that skips it: reported.
func newPartial(addr string, idle time.Duration) *http.Server {
	srv := &http.Server{Addr: addr, ReadTimeout: 30 * time.Second} // want `close after 30s`
	if idle != 0 {
		srv.IdleTimeout = idle
		return srv
	}
	return srv
}

func RunPartial() error { return newPartial(":1", 0).ListenAndServe() }

type timeouts struct{ Read, Write, Idle time.Duration }

type rpcServer struct {
	server   *http.Server
	timeouts timeouts
}

// Both timeouts set in one block after construction (go-ethereum's
// node/rpcstack.go): no path sets ReadTimeout without IdleTimeout.
func (h *rpcServer) start() error {
	h.server = &http.Server{Handler: http.NotFoundHandler()}
	if h.timeouts != (timeouts{}) {
		h.server.ReadTimeout = h.timeouts.Read
		h.server.WriteTimeout = h.timeouts.Write
		h.server.IdleTimeout = h.timeouts.Idle
	}
	go h.server.ListenAndServe()
	return nil
}

type partialServer struct {
	server   *http.Server
	timeouts timeouts
}

// The same block without IdleTimeout, set only on another condition.
func (h *partialServer) start() error {
	h.server = &http.Server{Handler: http.NotFoundHandler()}
	if h.timeouts != (timeouts{}) {
		h.server.ReadTimeout = h.timeouts.Read // want `close after ReadTimeout`
		h.server.WriteTimeout = h.timeouts.Write
	}
	if h.timeouts.Idle > 0 {
		h.server.IdleTimeout = h.timeouts.Idle
	}
	go h.server.ListenAndServe()
	return nil
}
