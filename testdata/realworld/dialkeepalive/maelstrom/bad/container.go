// Package bad is the shape of coopernurse/maelstrom's container proxy
// before PR #70: each container gets a reverse proxy whose transport dials
// with TCP keep-alive probes every 30 s but never expires an idle
// connection, so connections to a container's server that the server
// (or a restarted container) has dropped stay in the pool and requests
// proxied onto them fail.
package bad

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
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
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
