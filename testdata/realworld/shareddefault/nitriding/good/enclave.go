// Package good is nitriding-daemon after PR #40 (commit 5db4d83):
// NewEnclave leaves http.DefaultTransport alone and gives the reverse
// proxy a transport of its own with the raised idle limits.
package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
)

const (
	pathRoot  = "/enclave"
	pathProxy = "/*"
)

// Config is the enclave's configuration.
type Config struct {
	FQDN              string
	ExtPubPort        uint16
	ExtPrivPort       uint16
	IntPort           uint16
	PrometheusPort    uint16
	DisableKeepAlives bool
	AppWebSrv         *url.URL
}

// Validate returns an error if a required field is missing.
func (c *Config) Validate() error {
	if c.FQDN == "" {
		return errors.New("given config is missing FQDN")
	}
	if c.ExtPubPort == 0 || c.IntPort == 0 {
		return errors.New("given config is missing port")
	}
	return nil
}

// Enclave is the service that runs in the Nitro Enclave.
type Enclave struct {
	cfg                   *Config
	extPubSrv, extPrivSrv *http.Server
	intSrv                *http.Server
	revProxy              *httputil.ReverseProxy
	proxiedErrors         atomic.Int64
}

// NewEnclave returns an enclave for cfg.
func NewEnclave(cfg *Config) (*Enclave, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("failed to create enclave: %w", err)
	}
	e := &Enclave{
		cfg:        cfg,
		extPubSrv:  &http.Server{Handler: http.NewServeMux()},
		extPrivSrv: &http.Server{Addr: fmt.Sprintf(":%d", cfg.ExtPrivPort), Handler: http.NewServeMux()},
		intSrv:     &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", cfg.IntPort), Handler: http.NewServeMux()},
	}

	// Raise the number of idle connections per host; the reverse proxy
	// sustains far more requests per second with them.
	customTransport := &http.Transport{
		MaxIdleConns:        500,
		MaxIdleConnsPerHost: 500,
	}

	if cfg.DisableKeepAlives {
		e.extPubSrv.SetKeepAlivesEnabled(false)
	}
	pub := e.extPubSrv.Handler.(*http.ServeMux)
	pub.HandleFunc(pathRoot, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "This host runs inside an AWS Nitro Enclave (%s).\n", cfg.FQDN)
	})

	// Forward everything else to the application's own web server.
	if cfg.AppWebSrv != nil {
		e.revProxy = httputil.NewSingleHostReverseProxy(cfg.AppWebSrv)
		e.revProxy.Transport = customTransport
		pub.Handle(pathProxy, e.revProxy)
		if cfg.PrometheusPort > 0 {
			e.revProxy.ModifyResponse = e.countResponse
		}
	}
	return e, nil
}

// countResponse counts the application's error answers.
func (e *Enclave) countResponse(resp *http.Response) error {
	if resp.StatusCode >= 500 {
		e.proxiedErrors.Add(1)
	}
	return nil
}

// Start starts the enclave's web servers.
func (e *Enclave) Start() error {
	go e.intSrv.ListenAndServe()             //nolint:errcheck
	go e.extPrivSrv.ListenAndServe()         //nolint:errcheck
	go e.extPubSrv.ListenAndServeTLS("", "") //nolint:errcheck
	return nil
}
