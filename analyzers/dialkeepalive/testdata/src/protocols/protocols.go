// Package protocols gives transports to the calls that only set their
// protocols (square/p2#1084's shape): those set no IdleConnTimeout.
package protocols

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

// http2.ConfigureTransport turns HTTP/2 on and nothing else.
func h2(on bool) (*http.Client, error) {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second} // want `this Transport never expires idle connections`
	tr := &http.Transport{DialContext: d.DialContext}
	if on {
		if err := http2.ConfigureTransport(tr); err != nil {
			return nil, err
		}
	} else {
		tr.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	}
	return &http.Client{Transport: tr}, nil
}

// Good twin: the same transport expires idle connections.
func h2Good(on bool) (*http.Client, error) {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	tr := &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 90 * time.Second}
	if on {
		if err := http2.ConfigureTransport(tr); err != nil {
			return nil, err
		}
	}
	return &http.Client{Transport: tr}, nil
}

// RegisterProtocol adds a round tripper for a scheme, nothing else.
func files(rt http.RoundTripper) *http.Client {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `this Transport never expires idle connections`
	tr := &http.Transport{DialContext: d.DialContext}
	tr.RegisterProtocol("file", rt)
	return &http.Client{Transport: tr}
}

// Handed off: ConfigureTransports returns the HTTP/2 transport, which
// holds tr and is configured apart (its IdleConnTimeout, not tr's, expires
// the HTTP/2 connections).
func h2Configured() (*http.Client, error) {
	d := &net.Dialer{KeepAlive: 30 * time.Second}
	tr := &http.Transport{DialContext: d.DialContext}
	t2, err := http2.ConfigureTransports(tr)
	if err != nil {
		return nil, err
	}
	t2.IdleConnTimeout = time.Minute
	return &http.Client{Transport: tr}, nil
}
