// Package generics writes to the defaults in generic code.
package generics

import (
	"net/http"
	"time"
)

func tune[T any](t *http.Transport, v T) {
	t.MaxIdleConnsPerHost = 8 // want `assignment to t.MaxIdleConnsPerHost changes http.DefaultTransport`
}

func Tune() { tune(http.DefaultTransport.(*http.Transport), 1) }

func tuneOwn[T any](t *http.Transport, v T) { t.MaxIdleConnsPerHost = 8 }

func TuneClone() { tuneOwn(http.DefaultTransport.(*http.Transport).Clone(), "x") }

type Holder[T any] struct {
	c *http.Client
	v T
}

func NewHolder[T any](v T) *Holder[T] { return &Holder[T]{c: http.DefaultClient, v: v} }

func (h *Holder[T]) Slow() {
	h.c.Timeout = time.Minute // want `assignment to h.c.Timeout changes http.DefaultClient`
}

type OwnHolder[T any] struct {
	c *http.Client
	v T
}

func NewOwnHolder[T any](v T) *OwnHolder[T] { return &OwnHolder[T]{c: &http.Client{}, v: v} }

func (h *OwnHolder[T]) Slow() { h.c.Timeout = time.Minute }

func pick[T *http.Transport | *http.Client](v T) T { return v }

func Picked() {
	pick(http.DefaultTransport.(*http.Transport)).MaxConnsPerHost = 4 // want `MaxConnsPerHost changes http.DefaultTransport`
	pick(&http.Transport{}).MaxConnsPerHost = 4
}
