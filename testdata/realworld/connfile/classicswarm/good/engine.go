package good

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"time"
)

const requestTimeout = 30 * time.Second

// Engine is one Docker engine of the cluster.
type Engine struct {
	Addr       string
	IP         string
	httpClient *http.Client
	url        *url.URL
}

// Connect makes the engine's client.
func (e *Engine) Connect(config *tls.Config) error {
	host, _, err := net.SplitHostPort(e.Addr)
	if err != nil {
		return err
	}
	addr, err := net.ResolveIPAddr("ip4", host)
	if err != nil {
		return err
	}
	e.IP = addr.IP.String()

	httpClient, url, err := NewHTTPClientTimeout("tcp://"+e.Addr, config, requestTimeout, nil)
	if err != nil {
		return err
	}
	e.httpClient = httpClient
	e.url = url
	return nil
}
