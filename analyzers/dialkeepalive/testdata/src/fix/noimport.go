package fix

import (
	"net"
	"net/http"
)

func noImport(d *net.Dialer) *http.Transport {
	d.KeepAlive = -2
	d2 := &net.Dialer{}
	d2.KeepAlive = d.KeepAlive * -1 // want `never expires idle connections`
	return &http.Transport{DialContext: d2.DialContext}
}
