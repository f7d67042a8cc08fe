package fix

import (
	"net"
	"net/http"
	"time"
)

func multiLine() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	return &http.Transport{
		DialContext:         d.DialContext,
		TLSHandshakeTimeout: 10 * time.Second,
	}
}

func oneLine() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

func empty() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	t := &http.Transport{}
	t.DialContext = d.DialContext
	return t
}

func explicitZero() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 0}
}
