// Package bad is the shape of louketo/louketo-proxy (keycloak-proxy, later
// keycloak-gatekeeper) before PR #405 (July 2018, "Add connection pool
// settings for performance tuning"). The proxy authenticates every
// request and forwards it to its one upstream through a goproxy server
// whose transport, made in createUpstreamProxy, sets no
// MaxIdleConnsPerHost: 2 idle connections to the upstream. The server
// runs each request in its own goroutine, so under load every connection
// to the upstream beyond two was closed after its request; the author
// load-testing it saw the ephemeral ports fill with TIME_WAIT sockets
// until requests were dropped. The PR gives the transport MaxIdleConns
// and MaxIdleConnsPerHost from the configuration, by default 100 and 50.
package bad

import (
	"crypto/tls"
	"log"
	"net"
	"net/http"
	"net/url"

	"github.com/gambol99/goproxy"
)

// reverseProxy is what the proxy hands authenticated requests to.
type reverseProxy interface {
	ServeHTTP(rw http.ResponseWriter, req *http.Request)
}

type oauthProxy struct {
	config   *Config
	endpoint *url.URL
	upstream reverseProxy
	router   http.Handler
	server   *http.Server
}

// NewProxy builds the proxy for config.
func NewProxy(config *Config) (*oauthProxy, error) {
	svc := &oauthProxy{config: config}
	var err error
	if svc.endpoint, err = url.Parse(config.Upstream); err != nil {
		return nil, err
	}
	if err := svc.createReverseProxy(); err != nil {
		return nil, err
	}
	return svc, nil
}

// createReverseProxy builds the router: the authentication middleware in
// front of the upstream.
func (r *oauthProxy) createReverseProxy() error {
	log.Printf("enabled reverse proxy mode, upstream url %s", r.config.Upstream)
	if err := r.createUpstreamProxy(r.endpoint); err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/oauth/health", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("OK\n"))
	})
	mux.Handle("/", r.authenticationMiddleware(http.HandlerFunc(emptyHandler)))
	r.router = entrypointMiddleware(r.proxyMiddleware(mux))
	return nil
}

// createUpstreamProxy creates the forwarding proxy to the upstream.
func (r *oauthProxy) createUpstreamProxy(upstream *url.URL) error {
	dialer := (&net.Dialer{
		KeepAlive: r.config.UpstreamKeepaliveTimeout,
		Timeout:   r.config.UpstreamTimeout,
	}).Dial

	if upstream != nil && upstream.Scheme == "unix" {
		socketPath := upstream.Host + upstream.Path
		dialer = func(network, address string) (net.Conn, error) {
			return net.Dial("unix", socketPath)
		}
		upstream.Path = ""
		upstream.Host = "domain-sock"
		upstream.Scheme = "http"
	}
	tlsConfig := &tls.Config{InsecureSkipVerify: r.config.SkipUpstreamTLSVerify}

	proxy := goproxy.NewProxyHttpServer()
	r.upstream = proxy

	// update the tls configuration of the reverse proxy
	r.upstream.(*goproxy.ProxyHttpServer).Tr = &http.Transport{
		Dial:                  dialer,
		DisableKeepAlives:     !r.config.UpstreamKeepalives,
		ExpectContinueTimeout: r.config.UpstreamExpectContinueTimeout,
		ResponseHeaderTimeout: r.config.UpstreamResponseHeaderTimeout,
		TLSClientConfig:       tlsConfig,
		TLSHandshakeTimeout:   r.config.UpstreamTLSHandshakeTimeout,
	}
	return nil
}

// Run starts serving.
func (r *oauthProxy) Run() error {
	listener, err := net.Listen("tcp", r.config.Listen)
	if err != nil {
		return err
	}
	r.server = &http.Server{
		Addr:         r.config.Listen,
		Handler:      r.router,
		ReadTimeout:  r.config.ServerReadTimeout,
		WriteTimeout: r.config.ServerWriteTimeout,
		IdleTimeout:  r.config.ServerIdleTimeout,
	}
	go func() {
		if err := r.server.Serve(listener); err != nil && err != http.ErrServerClosed {
			log.Fatalf("failed to start the http service: %v", err)
		}
	}()
	return nil
}

// Main reads the configuration and runs the proxy.
func Main(upstream string) error {
	config := newDefaultConfig()
	config.Upstream = upstream
	proxy, err := NewProxy(config)
	if err != nil {
		return err
	}
	return proxy.Run()
}
