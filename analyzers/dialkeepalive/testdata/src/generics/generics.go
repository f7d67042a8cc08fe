package generics

import (
	"context"
	"net"
	"net/http"
	"time"
)

func newTransport[T any](opt T) *http.Transport {
	d := &net.Dialer{KeepAlive: time.Second} // want `probes every 1s on an HTTP transport only add traffic; this Transport never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

func newTransportGood[T any](opt T) *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: time.Minute}
}

type Pool[K comparable] struct {
	dialer  *net.Dialer
	clients map[K]*http.Client
}

func (p *Pool[K]) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	return p.dialer.DialContext(ctx, network, addr)
}

func NewPool[K comparable]() *Pool[K] {
	p := &Pool[K]{dialer: &net.Dialer{KeepAlive: 2 * time.Second}} // want `probes every 2s`
	p.clients = make(map[K]*http.Client)
	return p
}

func (p *Pool[K]) Client(k K) *http.Client {
	c := &http.Client{Transport: &http.Transport{DialContext: p.dial, IdleConnTimeout: time.Minute}}
	p.clients[k] = c
	return c
}

func use() {
	newTransport(1)
	newTransportGood("x")
}
