package fix

import (
	"net"
	"net/http"
	"time"
)

// A parameter named time hides the import: the fix imports time again as
// time1.
func timeParam(time int64) *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * durationOf(time)} // want `never expires idle connections`
	return &http.Transport{DialContext: d.DialContext}
}

// IdleConnTimeout set under a shadowed name: quiet.
func timeSet(time int64) *http.Transport {
	d := &net.Dialer{KeepAlive: 30 * durationOf(time)}
	return &http.Transport{DialContext: d.DialContext, IdleConnTimeout: durationOf(time)}
}

func durationOf(n int64) time.Duration { return time.Duration(n) * time.Second }

func keepAliveDialer() *net.Dialer {
	return &net.Dialer{KeepAlive: 30 * time.Second} // want `never expires idle connections`
}
