// Package good is nitriding's enclave package after commit fb6433d:
// NewEnclave raises http.DefaultTransport's MaxIdleConnsPerHost and
// MaxIdleConns to 100, so the reverse proxy keeps up to 100 idle
// connections to the application. (Writing the shared default transport
// is a mistake of its own, fixed later by nitriding-daemon PR #40; see
// shareddefault/nitriding.)
package good

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
	// Keep more idle connections per host: the reverse proxy sustains
	// far more requests per second with them.
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 100
	http.DefaultTransport.(*http.Transport).MaxIdleConns = 100

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
