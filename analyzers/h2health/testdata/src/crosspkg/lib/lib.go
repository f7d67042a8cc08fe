package lib

import (
	"net/http"
	"time"
)

// NewTransport turns HTTP/2 on without a health check: judged here, where
// it is made.
func NewTransport() *http.Transport {
	t := &http.Transport{Protocols: new(http.Protocols)} // want `turns on HTTP/2 without HTTP2.SendPingTimeout`
	t.Protocols.SetHTTP2(true)
	return t
}

// NewTransportGood does the same with one.
func NewTransportGood() *http.Transport {
	t := &http.Transport{Protocols: new(http.Protocols), HTTP2: &http.HTTP2Config{SendPingTimeout: time.Minute}}
	t.Protocols.SetHTTP2(true)
	return t
}

// Tune takes a transport from another package and may set its HTTP2.
func Tune(t *http.Transport) { t.HTTP2 = &http.HTTP2Config{SendPingTimeout: time.Minute} }
