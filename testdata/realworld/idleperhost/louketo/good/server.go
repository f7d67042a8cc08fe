// Package good is the shape of louketo/louketo-proxy after PR #405 (July
// 2018): the upstream transport takes MaxIdleConns and MaxIdleConnsPerHost
// from the configuration, whose defaults are 100 and 50, so the proxy
// keeps up to 50 idle connections to its one upstream.
package good

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
	if err := config.isValid(); err != nil {
		return nil, err
	}
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
		MaxIdleConns:          r.config.MaxIdleConns,
		MaxIdleConnsPerHost:   r.config.MaxIdleConnsPerHost,
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
