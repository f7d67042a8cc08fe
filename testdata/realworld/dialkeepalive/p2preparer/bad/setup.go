// Package bad is the shape of square/p2's preparer configuration before
// PR #1084: the one HTTP client the preparer uses for Consul and artifact
// downloads dials with TCP keep-alive probes (interval = the connect
// timeout) but its transport never expires an idle connection, so the
// preparers of a fleet keep every connection they ever opened to Consul.
package bad

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"golang.org/x/net/http2"
)

// PreparerConfig is the preparer's configuration file.
type PreparerConfig struct {
	CAFile string `yaml:"ca_file"`
	HTTP2  bool   `yaml:"http2"`

	httpClientMux sync.Mutex
	httpClient    *http.Client
}

func getTLSConfig(caFile string) (*tls.Config, error) {
	cfg := &tls.Config{}
	if caFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	cfg.RootCAs = x509.NewCertPool()
	if !cfg.RootCAs.AppendCertsFromPEM(pem) {
		return nil, errors.New("no certificates in " + caFile)
	}
	return cfg, nil
}

func (c *PreparerConfig) getClient(cxnTimeout time.Duration, insecureSkipVerify bool) (*http.Client, error) {
	c.httpClientMux.Lock()
	defer c.httpClientMux.Unlock()
	if c.httpClient != nil {
		return c.httpClient, nil
	}
	tlsConfig, err := getTLSConfig(c.CAFile)
	if err != nil {
		return nil, err
	}
	if cxnTimeout < 30*time.Second {
		cxnTimeout = 30 * time.Second
	}
	tlsConfig.InsecureSkipVerify = insecureSkipVerify
	transport := &http.Transport{
		TLSClientConfig: tlsConfig,
		// the dialer of http.DefaultTransport
		Dial: (&net.Dialer{
			Timeout:   cxnTimeout,
			KeepAlive: cxnTimeout,
		}).Dial,
	}
	if c.HTTP2 {
		if err = http2.ConfigureTransport(transport); err != nil {
			return nil, err
		}
	} else {
		// a non-nil, empty TLSNextProto turns HTTP/2 off
		transport.TLSNextProto = map[string]func(string, *tls.Conn) http.RoundTripper{}
	}
	c.httpClient = &http.Client{
		Transport: transport,
		// a little above the 5 minutes of a Consul watch
		Timeout: 6 * time.Minute,
	}
	return c.httpClient, nil
}

// GetClient returns the preparer's client.
func (c *PreparerConfig) GetClient(cxnTimeout time.Duration) (*http.Client, error) {
	return c.getClient(cxnTimeout, false)
}

// GetInsecureClient returns the preparer's client, with certificate checks
// off.
func (c *PreparerConfig) GetInsecureClient(cxnTimeout time.Duration) (*http.Client, error) {
	return c.getClient(cxnTimeout, true)
}
