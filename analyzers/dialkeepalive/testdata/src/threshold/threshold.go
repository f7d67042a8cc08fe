package threshold

import (
	"net"
	"net/http"
	"time"
)

func low() *http.Transport {
	d := &net.Dialer{KeepAlive: time.Second} // want `probes every 1s on an HTTP transport only add traffic$`
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func lowGood() *http.Transport {
	d := &net.Dialer{KeepAlive: 15 * time.Second}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}

func lowNoIdle() *http.Transport {
	d := &net.Dialer{KeepAlive: 500 * time.Millisecond} // want `probes every 500ms on an HTTP transport only add traffic; this Transport never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

func disabled() *http.Transport {
	d := &net.Dialer{KeepAlive: -1}
	return &http.Transport{DialContext: d.DialContext}
}

// The transport is handed off: IdleConnTimeout may be set elsewhere, but
// 1 s probes are still a mistake on an HTTP transport.
func lowHandedOff() http.RoundTripper {
	d := &net.Dialer{KeepAlive: time.Second} // want `probes every 1s`
	return wrap(&http.Transport{DialContext: d.DialContext})
}

var wrap = func(rt http.RoundTripper) http.RoundTripper { return rt }

// A transport of unknown origin: proven HTTP, IdleConnTimeout unknown.
func Configure(t *http.Transport) {
	d := &net.Dialer{KeepAlive: time.Second} // want `probes every 1s`
	t.DialContext = d.DialContext
}

func ConfigureGood(t *http.Transport) {
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	t.DialContext = d.DialContext
}
