package closures

import (
	"context"
	"net"
	"net/http"
	"time"
)

// A closure wrapping the dialer.
func wrapped() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return d.DialContext(ctx, network, addr)
		},
	}
}

func wrappedGood() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return d.DialContext(ctx, network, addr)
		},
		IdleConnTimeout: time.Minute,
	}
}

// The method value d.Dial through a variable.
func methodValue() *http.Transport {
	d := net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	dial := d.Dial
	return &http.Transport{Dial: dial}
}

func methodValueGood() *http.Transport {
	d := net.Dialer{KeepAlive: 30 * time.Second}
	dial := d.Dial
	return &http.Transport{Dial: dial, IdleConnTimeout: time.Minute}
}

// The dialer built in a helper, the dial function made in another.
func newDialer() *net.Dialer {
	return &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
}

func dialFunc(d *net.Dialer) func(context.Context, string, string) (net.Conn, error) {
	return d.DialContext
}

func helpers() *http.Transport {
	return &http.Transport{DialContext: dialFunc(newDialer())}
}

// A transport built in a helper from a dial function.
func newTransport(dial func(context.Context, string, string) (net.Conn, error)) *http.Transport {
	return &http.Transport{DialContext: dial}
}

func transportHelper() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	return newTransport(d.DialContext)
}

// A named dial function using a package dialer, through a retrying wrapper.
var pkgDialer = &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`

func dialRetry(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := dialOnce(ctx, network, addr)
	if err != nil {
		return dialOnce(ctx, network, addr)
	}
	return c, err
}

func dialOnce(ctx context.Context, network, addr string) (net.Conn, error) {
	return pkgDialer.DialContext(ctx, network, addr)
}

var named = &http.Transport{DialContext: dialRetry}

// A dialer in a struct field, fed through a method value of the struct.
type client struct {
	dialer net.Dialer
	http   *http.Client
}

func (c *client) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	return c.dialer.DialContext(ctx, network, addr)
}

func newClient() *client {
	c := &client{}
	c.dialer.KeepAlive = 10 * time.Second // want `never expires idle connections`
	c.http = &http.Client{Transport: &http.Transport{DialContext: c.dial}}
	return c
}

// A dialer used to dial directly, never by a transport: quiet.
func direct(ctx context.Context) (net.Conn, error) {
	d := &net.Dialer{KeepAlive: time.Second}
	return d.DialContext(ctx, "tcp", "redis:6379")
}

// A dial function used for something other than HTTP: quiet.
type pool struct {
	dial func(context.Context, string, string) (net.Conn, error)
}

func newPool() *pool {
	d := &net.Dialer{KeepAlive: time.Second}
	return &pool{dial: d.DialContext}
}
