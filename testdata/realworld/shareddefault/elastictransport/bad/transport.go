// Package bad is the shape of elastic/elastic-transport-go's New before
// PR #14: with no Transport in the configuration the client takes
// http.DefaultTransport itself, and when a certificate fingerprint is
// configured it then installs its pinning DialTLS on whatever *http.Transport
// it holds, so every other user of the default transport in the program
// starts dialing TLS through this client's fingerprint check.
package bad

import (
	"bytes"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
)

// Config is the client's configuration.
type Config struct {
	URL                    string
	Transport              http.RoundTripper
	CertificateFingerprint string
}

// Client sends requests to the cluster.
type Client struct {
	url       string
	transport http.RoundTripper
}

// New creates a client; http.DefaultTransport is used if the configuration
// has no transport.
func New(cfg Config) (*Client, error) {
	if cfg.Transport == nil {
		cfg.Transport = http.DefaultTransport
	}
	if transport, ok := cfg.Transport.(*http.Transport); ok {
		if cfg.CertificateFingerprint != "" {
			transport.DialTLS = func(network, addr string) (net.Conn, error) {
				want, _ := hex.DecodeString(cfg.CertificateFingerprint)
				c, err := tls.Dial(network, addr, &tls.Config{InsecureSkipVerify: true})
				if err != nil {
					return nil, err
				}
				for _, cert := range c.ConnectionState().PeerCertificates {
					sum := sha256.Sum256(cert.Raw)
					if bytes.Equal(sum[:], want) {
						return c, nil
					}
				}
				c.Close()
				return nil, fmt.Errorf("fingerprint mismatch, provided: %s", cfg.CertificateFingerprint)
			}
		}
	}
	if cfg.URL == "" {
		return nil, errors.New("no URL")
	}
	return &Client{url: cfg.URL, transport: cfg.Transport}, nil
}

// Perform sends req to the cluster.
func (c *Client) Perform(req *http.Request) (*http.Response, error) {
	return c.transport.RoundTrip(req)
}
