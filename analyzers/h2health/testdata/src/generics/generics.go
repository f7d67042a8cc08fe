package generics

import (
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

type Options interface{ ~int | ~string }

func newTransport[O Options](o O) *http.Transport {
	p := new(http.Protocols)
	p.SetHTTP2(true)
	return &http.Transport{Protocols: p} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
}

func newTransportGood[O Options](o O) *http.Transport {
	p := new(http.Protocols)
	p.SetHTTP2(true)
	return &http.Transport{Protocols: p, HTTP2: &http.HTTP2Config{SendPingTimeout: time.Minute}}
}

type Pool[T any] struct {
	h2   *http2.Transport
	item T
}

func (p *Pool[T]) Init() {
	p.h2 = &http2.Transport{} // want `http2.Transport has no ReadIdleTimeout`
}

type GoodPool[T any] struct {
	h2   *http2.Transport
	item T
}

func (p *GoodPool[T]) Init() {
	p.h2 = &http2.Transport{ReadIdleTimeout: time.Minute}
}

func configure[T any](t *http.Transport, v T) error {
	return http2.ConfigureTransport(t) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
}

func use() {
	configure(&http.Transport{}, 1)
}
