// Package types holds the provider's configuration.
package types

import "time"

// FaaSConfig configures a provider.
type FaaSConfig struct {
	ReadTimeout         time.Duration
	WriteTimeout        time.Duration
	MaxIdleConns        int
	MaxIdleConnsPerHost int
}

const defaultMaxIdleConns = 1024

// GetReadTimeout is ReadTimeout, 10 s if unset.
func (c FaaSConfig) GetReadTimeout() time.Duration {
	if c.ReadTimeout <= 0 {
		return 10 * time.Second
	}
	return c.ReadTimeout
}

// GetMaxIdleConns is MaxIdleConns, 1024 if unset.
func (c FaaSConfig) GetMaxIdleConns() int {
	if c.MaxIdleConns < 1 {
		return defaultMaxIdleConns
	}
	return c.MaxIdleConns
}

// GetMaxIdleConnsPerHost is MaxIdleConnsPerHost, MaxIdleConns if unset.
func (c FaaSConfig) GetMaxIdleConnsPerHost() int {
	if c.MaxIdleConnsPerHost < 1 {
		return c.GetMaxIdleConns()
	}
	return c.MaxIdleConnsPerHost
}
