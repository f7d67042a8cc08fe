// Package bad is the shape of stmcginnis/gofish's Connect before the fix
// for issue #567: with no HTTPClient supplied it builds its own transport
// from http.DefaultTransport's settings, but copies the default's
// *tls.Config pointer and then sets InsecureSkipVerify through it, which
// races with every other client of the default and turns certificate
// checks off for all of them.
package bad

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// APIClient is a connection to a Redfish service.
type APIClient struct {
	endpoint   string
	HTTPClient *http.Client
}

// ClientConfig holds the settings for establishing a connection.
type ClientConfig struct {
	Endpoint            string
	Insecure            bool
	TLSHandshakeTimeout int
	HTTPClient          *http.Client
}

// Connect creates a new client connection to a Redfish service.
func Connect(config ClientConfig) (*APIClient, error) {
	if !strings.HasPrefix(config.Endpoint, "http") {
		return nil, fmt.Errorf("endpoint must starts with http or https")
	}
	client := &APIClient{endpoint: config.Endpoint}
	if config.TLSHandshakeTimeout == 0 {
		config.TLSHandshakeTimeout = 10
	}
	if config.HTTPClient != nil {
		client.HTTPClient = config.HTTPClient
		return client, nil
	}
	defaultTransport := http.DefaultTransport.(*http.Transport)
	transport := &http.Transport{
		Proxy:                 defaultTransport.Proxy,
		DialContext:           defaultTransport.DialContext,
		MaxIdleConns:          defaultTransport.MaxIdleConns,
		IdleConnTimeout:       defaultTransport.IdleConnTimeout,
		ExpectContinueTimeout: defaultTransport.ExpectContinueTimeout,
		TLSHandshakeTimeout:   time.Duration(config.TLSHandshakeTimeout) * time.Second,
		TLSClientConfig:       defaultTransport.TLSClientConfig,
	}
	if transport.TLSClientConfig == nil {
		transport.TLSClientConfig = &tls.Config{}
	}
	transport.TLSClientConfig.InsecureSkipVerify = config.Insecure
	client.HTTPClient = &http.Client{Transport: transport}
	return client, nil
}

// Get performs a GET request against the Redfish service.
func (c *APIClient) Get(url string) (*http.Response, error) {
	return c.HTTPClient.Get(c.endpoint + url)
}
