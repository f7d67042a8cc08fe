package bad

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/url"
	"os"
	"time"
)

// Getter fetches charts and repository indexes.
type Getter interface {
	Get(url string, options ...Option) (*bytes.Buffer, error)
}

type options struct {
	url                   string
	certFile              string
	keyFile               string
	caFile                string
	insecureSkipVerifyTLS bool
	username              string
	password              string
	passCredentialsAll    bool
	userAgent             string
	timeout               time.Duration
}

// Option configures a getter.
type Option func(*options)

// WithURL informs the getter of the repository's URL.
func WithURL(u string) Option { return func(o *options) { o.url = u } }

// WithBasicAuth sets the credentials for the repository.
func WithBasicAuth(username, password string) Option {
	return func(o *options) { o.username, o.password = username, password }
}

// WithTLSClientConfig sets the client certificate and CA files.
func WithTLSClientConfig(certFile, keyFile, caFile string) Option {
	return func(o *options) { o.certFile, o.keyFile, o.caFile = certFile, keyFile, caFile }
}

// WithInsecureSkipVerifyTLS skips the verification of the server's certificate.
func WithInsecureSkipVerifyTLS(skip bool) Option {
	return func(o *options) { o.insecureSkipVerifyTLS = skip }
}

// WithTimeout bounds each request.
func WithTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// newClientTLS loads the client certificate and the CA, stood in for
// helm's internal/tlsutil.NewClientTLS.
func newClientTLS(certFile, keyFile, caFile string) (*tls.Config, error) {
	cfg := &tls.Config{}
	if certFile != "" && keyFile != "" {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, err
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, errors.New("failed to append certificates from file")
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

// extractHostname returns the host name of addr, stood in for helm's
// internal/urlutil.ExtractHostname.
func extractHostname(addr string) (string, error) {
	u, err := url.Parse(addr)
	if err != nil {
		return "", err
	}
	return u.Hostname(), nil
}
