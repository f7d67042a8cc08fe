package flags

import (
	"net"
	"net/http"
	"time"
)

func low() *http.Transport {
	d := &net.Dialer{KeepAlive: 10 * time.Second} // want `probes every 10s on an HTTP transport only add traffic; this Transport never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

func atThreshold() *http.Transport {
	d := &net.Dialer{KeepAlive: 15 * time.Second}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: 5 * time.Second}
}
