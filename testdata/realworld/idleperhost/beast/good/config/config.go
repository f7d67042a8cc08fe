// Package config reads a run's configuration.
package config

import (
	"encoding/json"
	"log"
	"os"
)

// Config is a run's configuration.
type Config struct {
	DisableCompression      bool `json:"disable-compression"`
	DisableKeepAlives       bool `json:"disable-keep-alives"`
	MaxConnections          int  `json:"max-connections"`
	MaxIdleConnections      int  `json:"max-idle-connections"`
	RequestTimeout          int  `json:"request-timeout"`
	DisableCertificateCheck bool `json:"disable-certificate-check"`
	DisableRedirects        bool `json:"disable-redirects"`
}

// GetMaxIdleConnections returns MaxIdleConnections, or parallelConns when
// it is not set.
func (c Config) GetMaxIdleConnections(parallelConns int) int {
	if c.MaxIdleConnections == 0 {
		return parallelConns
	}
	return c.MaxIdleConnections
}

// Default returns the default configuration.
func Default() *Config {
	return &Config{DisableCompression: true, RequestTimeout: 30, DisableRedirects: true}
}

// Read reads the configuration in fileName.
func Read(fileName string) *Config {
	data, err := os.ReadFile(fileName)
	if err != nil {
		log.Fatalf("Error reading configuration file %s: %v\n", fileName, err)
	}
	cfg := Default()
	if err := json.Unmarshal(data, cfg); err != nil {
		log.Fatalf("Invalid configuration file %s: %v\n", fileName, err)
	}
	return cfg
}
