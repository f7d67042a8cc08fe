// Package bad is the shape of brave/nitriding's enclave package before
// commit fb6433d ("Increase MaxIdleConnsPerHost and MaxIdleConns", April
// 2023, in what is now brave/nitriding-daemon; it points to
// brave/nitriding#45): nitriding terminates TLS for the enclave and
// forwards every request on its public server to the one application
// server inside the enclave (AppWebSrv, given by the nitriding command's
// -appwebsrv flag) through a reverse proxy without a Transport of its
// own, so http.DefaultTransport and its 2 idle connections per host:
// beyond 2 concurrent requests, connections to the application are closed
// after each response and dialled again (the commit raises the limits so
// the proxy can sustain more requests per second).
package bad

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
)

const (
	pathRoot  = "/enclave"
	pathProxy = "/*"
)

// Config is the enclave's configuration.
type Config struct {
	FQDN      string
	ExtPort   uint16
	IntPort   uint16
	AppWebSrv *url.URL
}

// Validate returns an error if a required field is missing.
func (c *Config) Validate() error {
	if c.FQDN == "" {
		return errors.New("given config is missing FQDN")
	}
	if c.ExtPort == 0 || c.IntPort == 0 {
		return errors.New("given config is missing port")
	}
	return nil
}

// Enclave is the service that runs in the Nitro Enclave.
type Enclave struct {
	cfg             *Config
	pubSrv, privSrv http.Server
	revProxy        *httputil.ReverseProxy
}

// NewEnclave returns an enclave for cfg.
func NewEnclave(cfg *Config) (*Enclave, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("failed to create enclave: %w", err)
	}
	pub, priv := http.NewServeMux(), http.NewServeMux()
	e := &Enclave{
		cfg:     cfg,
		pubSrv:  http.Server{Addr: fmt.Sprintf(":%d", cfg.ExtPort), Handler: pub},
		privSrv: http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", cfg.IntPort), Handler: priv},
	}
	pub.HandleFunc(pathRoot, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "This host runs inside an AWS Nitro Enclave (%s).\n", cfg.FQDN)
	})

	// Forward everything else to the application's own web server.
	if cfg.AppWebSrv != nil {
		e.revProxy = httputil.NewSingleHostReverseProxy(cfg.AppWebSrv)
		pub.Handle(pathProxy, e.revProxy)
	}
	return e, nil
}

// Start starts the enclave's web servers.
func (e *Enclave) Start() error {
	go e.privSrv.ListenAndServe()         //nolint:errcheck
	go e.pubSrv.ListenAndServeTLS("", "") //nolint:errcheck
	return nil
}
