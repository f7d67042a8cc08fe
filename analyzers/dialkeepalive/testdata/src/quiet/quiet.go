package quiet

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/other/h2"
)

// Like http.DefaultTransport.
func defaultLike() *http.Transport {
	return &http.Transport{
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}
}

func negative() *http.Transport {
	return &http.Transport{DialContext: (&net.Dialer{KeepAlive: -1}).DialContext}
}

func zero() *http.Transport {
	return &http.Transport{DialContext: (&net.Dialer{KeepAlive: 0}).DialContext}
}

func cloned() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext
	return t
}

// Handed to code kalint cannot see, which may set IdleConnTimeout.
func handedOff() *http.Transport {
	t := &http.Transport{DialContext: (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext}
	h2.Configure(t)
	return t
}

func inSlice() []*http.Transport {
	t := &http.Transport{DialContext: (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext}
	return []*http.Transport{t}
}

// Dialers of other protocols.
type DB struct {
	dial func(context.Context, string, string) (net.Conn, error)
}

func database() *DB {
	return &DB{dial: (&net.Dialer{KeepAlive: time.Second}).DialContext}
}

func rawTCP(ctx context.Context) (net.Conn, error) {
	return (&net.Dialer{KeepAlive: time.Second}).DialContext(ctx, "tcp", "host:1")
}

func grpcLike() {
	h2.WithDialer((&net.Dialer{KeepAlive: time.Second}).DialContext)
}

// A dialer handed to another package, even one that may build a
// transport: not proven to feed one here.
func dialerHandedOff() {
	h2.UseDialer(&net.Dialer{KeepAlive: time.Second})
}
