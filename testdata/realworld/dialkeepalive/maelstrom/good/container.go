// Package good is maelstrom's container proxy after PR #70: the transport
// closes connections idle for 20 s, and the dial timeout and TCP
// keep-alive interval drop to 15 s.
package good

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

// Component is the configuration of one deployed component.
type Component struct {
	Name           string
	MaxConcurrency int
	HTTPPort       int
}

// Container proxies requests to one running container.
type Container struct {
	component  *Component
	bufferPool httputil.BufferPool
	proxy      *httputil.ReverseProxy
}

func maxConcurrency(c *Component) int {
	if c.MaxConcurrency > 0 {
		return c.MaxConcurrency
	}
	return 5
}

func (c *Container) initReverseProxy(ipAddr string) error {
	if ipAddr == "" {
		return fmt.Errorf("container: no address for component %s", c.component.Name)
	}
	target := &url.URL{Scheme: "http", Host: fmt.Sprintf("%s:%d", ipAddr, c.component.HTTPPort)}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.BufferPool = c.bufferPool
	proxy.Transport = &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		MaxIdleConnsPerHost: maxConcurrency(c.component),
		IdleConnTimeout:     20 * time.Second,
		DialContext: (&net.Dialer{
			Timeout:   15 * time.Second,
			KeepAlive: 15 * time.Second,
		}).DialContext,
		TLSHandshakeTimeout: 10 * time.Second,
	}
	c.proxy = proxy
	return nil
}

// ServeHTTP proxies one request to the container.
func (c *Container) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.proxy.ServeHTTP(w, r)
}
