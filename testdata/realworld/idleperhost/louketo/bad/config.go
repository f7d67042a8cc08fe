package bad

import "time"

// Config is the proxy's configuration, from flags and the config file.
type Config struct {
	Listen                        string
	Upstream                      string
	UpstreamKeepalives            bool
	UpstreamTimeout               time.Duration
	UpstreamKeepaliveTimeout      time.Duration
	UpstreamTLSHandshakeTimeout   time.Duration
	UpstreamResponseHeaderTimeout time.Duration
	UpstreamExpectContinueTimeout time.Duration
	SkipUpstreamTLSVerify         bool
	PreserveHost                  bool
	Headers                       map[string]string
	ServerReadTimeout             time.Duration
	ServerWriteTimeout            time.Duration
	ServerIdleTimeout             time.Duration
}

func newDefaultConfig() *Config {
	return &Config{
		Listen:                        ":3000",
		Headers:                       make(map[string]string),
		UpstreamKeepalives:            true,
		UpstreamKeepaliveTimeout:      10 * time.Second,
		UpstreamTimeout:               10 * time.Second,
		UpstreamTLSHandshakeTimeout:   10 * time.Second,
		UpstreamResponseHeaderTimeout: 10 * time.Second,
		UpstreamExpectContinueTimeout: 10 * time.Second,
		ServerReadTimeout:             10 * time.Second,
		ServerWriteTimeout:            10 * time.Second,
		ServerIdleTimeout:             120 * time.Second,
	}
}
