package generics

import (
	"net/http"
	"time"
)

func newServer[H http.Handler](h H) *http.Server {
	return &http.Server{Handler: h, ReadTimeout: 10 * time.Second} // want `close after 10s`
}

func newServerGood[H http.Handler](h H) *http.Server {
	s := &http.Server{Handler: h, ReadTimeout: 10 * time.Second}
	s.IdleTimeout = time.Minute
	return s
}

func apply[T any](s *http.Server, v T) *http.Server {
	s.IdleTimeout = time.Minute
	return s
}

type Pool[T any] struct {
	srv  *http.Server
	item T
}

func (p *Pool[T]) Init() {
	p.srv = &http.Server{ReadTimeout: time.Second} // want `close after 1s`
}

func (p *Pool[T]) Start() error { return p.srv.ListenAndServe() }

func Run() {
	newServer(http.NotFoundHandler()).ListenAndServe()
	newServerGood(http.NotFoundHandler()).ListenAndServe()
	s := &http.Server{ReadTimeout: 2 * time.Second}
	apply(s, 1).ListenAndServe()
}
