// Package lib builds dialers and transports for other packages.
package lib

import (
	"net"
	"net/http"
	"time"
)

// NewDialer returns a dialer: lib does not know it is for HTTP.
func NewDialer() *net.Dialer {
	return &net.Dialer{KeepAlive: time.Second}
}

// NewTransport builds and returns a transport: judged here.
func NewTransport() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

func NewTransportGood() *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: time.Minute}
}
