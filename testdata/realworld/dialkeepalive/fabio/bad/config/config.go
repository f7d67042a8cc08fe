// Package config stands for fabio's config package.
package config

import "time"

// Config is fabio's configuration.
type Config struct {
	Proxy Proxy
}

// Proxy configures the HTTP proxy.
type Proxy struct {
	Strategy              string
	MaxConn               int
	DialTimeout           time.Duration
	ResponseHeaderTimeout time.Duration
	KeepAliveTimeout      time.Duration
	FlushInterval         time.Duration
}

// Default is the default configuration.
var Default = &Config{
	Proxy: Proxy{
		Strategy:    "rnd",
		MaxConn:     10000,
		DialTimeout: 30 * time.Second,
	},
}
