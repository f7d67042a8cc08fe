package xnet

import (
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

func configure() *http.Client {
	t := &http.Transport{}
	http2.ConfigureTransport(t) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
	return &http.Client{Transport: t}
}

// x/net's HTTP/2 transport reads the net/http transport's HTTP2 settings.
func configureGood() *http.Client {
	t := &http.Transport{HTTP2: &http.HTTP2Config{SendPingTimeout: 30 * time.Second}}
	if err := http2.ConfigureTransport(t); err != nil {
		panic(err)
	}
	return &http.Client{Transport: t}
}

func configureTransports() (*http.Client, error) {
	t := &http.Transport{}
	t2, err := http2.ConfigureTransports(t) // want `http2.ConfigureTransports result has no ReadIdleTimeout`
	if err != nil {
		return nil, err
	}
	t2.AllowHTTP = true
	return &http.Client{Transport: t}, nil
}

func configureTransportsGood() (*http.Client, error) {
	t := &http.Transport{}
	t2, err := http2.ConfigureTransports(t)
	if err != nil {
		return nil, err
	}
	t2.ReadIdleTimeout = 30 * time.Second
	return &http.Client{Transport: t}, nil
}

func discarded() *http.Transport {
	t := &http.Transport{}
	_, _ = http2.ConfigureTransports(t) // want `ConfigureTransports result has no ReadIdleTimeout`
	return t
}

func configureTransportsPing() (*http.Transport, error) {
	t := &http.Transport{}
	t2, err := http2.ConfigureTransports(t) // want `http2.Transport sets PingTimeout but not ReadIdleTimeout \(no ping is ever sent`
	if err != nil {
		return nil, err
	}
	t2.PingTimeout = 10 * time.Second
	return t, nil
}

func literal() *http.Client {
	return &http.Client{Transport: &http2.Transport{AllowHTTP: true}} // want `http2.Transport has no ReadIdleTimeout \(no health check`
}

func literalGood() *http.Client {
	return &http.Client{Transport: &http2.Transport{AllowHTTP: true, ReadIdleTimeout: 30 * time.Second}}
}

func literalPing() *http2.Transport {
	return &http2.Transport{PingTimeout: 5 * time.Second} // want `http2.Transport sets PingTimeout but not ReadIdleTimeout`
}

func newTransport() *http2.Transport {
	t := new(http2.Transport) // want `http2.Transport has no ReadIdleTimeout`
	t.AllowHTTP = true
	return t
}

func newTransportGood() *http2.Transport {
	t := new(http2.Transport)
	t.ReadIdleTimeout = time.Minute
	return t
}

type client struct{ h2 *http2.Transport }

func (c *client) init() {
	c.h2 = &http2.Transport{}
	c.setIdle()
}

func (c *client) setIdle() { c.h2.ReadIdleTimeout = time.Minute }

func deferred() *http.Transport {
	t := &http.Transport{}
	defer http2.ConfigureTransport(t) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
	return t
}

// With keep-alives off every HTTP/2 connection serves one request and is
// closed when it goes idle (closeOnIdle in x/net's transport.go, as in
// net/http's bundle): no idle connection is reused, so none can be dead
// when a request picks it (syncthing's announce client).
func singleUse() *http.Client {
	t := &http.Transport{DisableKeepAlives: true}
	http2.ConfigureTransport(t)
	return &http.Client{Transport: t}
}

// Off only under a condition: the other runs reuse connections.
func maybeSingleUse(announce bool) *http.Client {
	t := &http.Transport{}
	if announce {
		t.DisableKeepAlives = true
	}
	http2.ConfigureTransport(t) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
	return &http.Client{Transport: t}
}
