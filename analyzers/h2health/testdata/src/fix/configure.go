package fix

import (
	"net/http"

	"golang.org/x/net/http2"
)

type client struct{ tr http.Transport }

func (c *client) init() {
	http2.ConfigureTransport(&c.tr) // want `http2.ConfigureTransport turns on HTTP/2 without a health check`
}
