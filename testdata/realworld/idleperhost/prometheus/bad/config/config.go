// Package config stands for the parts of prometheus/prometheus's config
// package (late 2017) that the HTTP clients are built from: the
// http_client settings of a scrape, alerting or remote-storage section,
// and a URL as it is written in the configuration file.
package config

import "net/url"

// URL is a URL read from the configuration file.
type URL struct {
	*url.URL
}

// BasicAuth is the basic_auth section of an HTTP client configuration.
type BasicAuth struct {
	Username string
	Password string
}

// TLSConfig is the tls_config section of an HTTP client configuration.
type TLSConfig struct {
	InsecureSkipVerify bool
	ServerName         string
}

// HTTPClientConfig configures an HTTP client.
type HTTPClientConfig struct {
	BasicAuth   *BasicAuth
	BearerToken string
	ProxyURL    URL
	TLSConfig   TLSConfig
}
