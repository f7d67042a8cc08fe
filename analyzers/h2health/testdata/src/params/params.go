// Package params: helpers that turn HTTP/2 on in a transport their callers
// pass in (client-go's SetTransportDefaults in k8s.io/apimachinery's
// util/net), called from other packages only.
package params

import (
	"log"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

// SetTransportDefaults fills in defaults and turns HTTP/2 on, before
// kubernetes/kubernetes#95981: no health check.
func SetTransportDefaults(t *http.Transport) *http.Transport {
	t = SetOldTransportDefaults(t)
	if err := configureHTTP2Transport(t); err != nil {
		log.Printf("Transport failed http2 configuration: %v", err)
	}
	return t
}

func SetOldTransportDefaults(t *http.Transport) *http.Transport {
	if t.Proxy == nil {
		t.Proxy = http.ProxyFromEnvironment
	}
	if t.IdleConnTimeout == 0 {
		t.IdleConnTimeout = 90 * time.Second
	}
	return t
}

func configureHTTP2Transport(t *http.Transport) error {
	t2, err := http2.ConfigureTransports(t) // want `http2.ConfigureTransports result has no ReadIdleTimeout`
	if err != nil {
		return err
	}
	t2.AllowHTTP = false
	return nil
}

// SetTransportDefaultsFixed is the same after the fix: the HTTP/2
// transport pings a connection that has been read-idle for 30s.
func SetTransportDefaultsFixed(t *http.Transport) *http.Transport {
	t = SetOldTransportDefaults(t)
	if err := configureHTTP2TransportFixed(t); err != nil {
		log.Printf("Transport failed http2 configuration: %v", err)
	}
	return t
}

func configureHTTP2TransportFixed(t *http.Transport) error {
	t2, err := http2.ConfigureTransports(t)
	if err != nil {
		return err
	}
	t2.ReadIdleTimeout = 30 * time.Second
	t2.PingTimeout = 15 * time.Second
	return nil
}

// EnableHTTP2 turns HTTP/2 on with the one-call form, which no caller can
// give a health check but through HTTP2 settings.
func EnableHTTP2(t *http.Transport) error {
	return http2.ConfigureTransport(t) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
}

// EnableHTTP2Pinged sets the health check on the transport before.
func EnableHTTP2Pinged(t *http.Transport) error {
	t.HTTP2 = &http.HTTP2Config{SendPingTimeout: 30 * time.Second}
	return http2.ConfigureTransport(t)
}

// UseProtocols turns HTTP/2 on through Protocols.
func UseProtocols(t *http.Transport) {
	p := new(http.Protocols)
	p.SetHTTP1(true)
	p.SetHTTP2(true) // want `http.Transport turns on HTTP/2 without HTTP2.SendPingTimeout`
	t.Protocols = p
}

// TuneFrames changes one HTTP/2 setting of whatever HTTP2Config the caller
// gave: the caller's config may have SendPingTimeout.
func TuneFrames(t *http.Transport) {
	if t.HTTP2 != nil {
		t.HTTP2.MaxReadFrameSize = 1 << 20
	}
}

// WithTLS sets a custom TLS config on a transport passed in: whether it
// speaks HTTP/2 is the caller's choice (it may set ForceAttemptHTTP2).
func WithTLS(t *http.Transport) {
	t.TLSClientConfig = nil
	t.HTTP2 = &http.HTTP2Config{SendPingTimeout: time.Minute}
}

// Configure is exported and turns HTTP/2 on, but the package calls it
// with its own transport, which has a health check: judged by that call.
func Configure(t *http.Transport) error {
	return http2.ConfigureTransport(t)
}

func NewClient() (*http.Client, error) {
	t := &http.Transport{HTTP2: &http.HTTP2Config{SendPingTimeout: 30 * time.Second}}
	if err := Configure(t); err != nil {
		return nil, err
	}
	return &http.Client{Transport: t}, nil
}
