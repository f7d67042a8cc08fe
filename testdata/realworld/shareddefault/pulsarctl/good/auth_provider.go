// Package good is pulsarctl's pkg/auth after PR #299: GetDefaultTransport
// configures a Clone of http.DefaultTransport, so the process's default
// transport keeps its own settings.
package good

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
)

// Config is the part of pulsarctl's common.Config the transport uses.
type Config struct {
	TLSAllowInsecureConnection bool
	TLSTrustCertsFilePath      string
	Token                      string
}

// Provider adds authentication to requests.
type Provider interface {
	RoundTrip(req *http.Request) (*http.Response, error)
	Transport() http.RoundTripper
	WithTransport(tripper http.RoundTripper)
}

// TokenAuthProvider sends a bearer token.
type TokenAuthProvider struct {
	T     http.RoundTripper
	token string
}

// NewAuthenticationToken makes a token provider sending through transport.
func NewAuthenticationToken(token string, transport http.RoundTripper) (*TokenAuthProvider, error) {
	return &TokenAuthProvider{T: transport, token: token}, nil
}

// RoundTrip sends req with the token.
func (p *TokenAuthProvider) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+p.token)
	return p.T.RoundTrip(req)
}

// Transport is the provider's transport.
func (p *TokenAuthProvider) Transport() http.RoundTripper { return p.T }

// WithTransport sets the provider's transport.
func (p *TokenAuthProvider) WithTransport(tripper http.RoundTripper) { p.T = tripper }

// GetAuthProvider returns the provider the configuration asks for.
func GetAuthProvider(config *Config) (*Provider, error) {
	var provider Provider
	defaultTransport := GetDefaultTransport(config)
	var err error
	if len(config.Token) > 0 {
		provider, err = NewAuthenticationToken(config.Token, defaultTransport)
	}
	return &provider, err
}

// GetDefaultTransport returns the transport of admin clients.
func GetDefaultTransport(config *Config) http.RoundTripper {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	tlsConfig := &tls.Config{
		InsecureSkipVerify: config.TLSAllowInsecureConnection,
	}
	if len(config.TLSTrustCertsFilePath) > 0 {
		rootCA, err := os.ReadFile(config.TLSTrustCertsFilePath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "error loading certificate authority:", err)
			os.Exit(1)
		}
		tlsConfig.RootCAs = x509.NewCertPool()
		tlsConfig.RootCAs.AppendCertsFromPEM(rootCA)
	}
	transport.MaxIdleConnsPerHost = 10
	transport.TLSClientConfig = tlsConfig
	return transport
}
