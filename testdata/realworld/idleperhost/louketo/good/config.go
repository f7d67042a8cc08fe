package good

import (
	"errors"
	"time"
)

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
	MaxIdleConns                  int
	MaxIdleConnsPerHost           int
}

// isValid checks the configuration.
func (r *Config) isValid() error {
	if r.Listen == "" {
		return errors.New("you have not specified the listening interface")
	}
	if r.MaxIdleConns <= 0 {
		return errors.New("max-idle-connections must be a number > 0")
	}
	if r.MaxIdleConnsPerHost < 0 || r.MaxIdleConnsPerHost > r.MaxIdleConns {
		return errors.New("max-idle-connections-per-host must be a number > 0 and <= max-idle-connections")
	}
	return nil
}

func newDefaultConfig() *Config {
	return &Config{
		Listen:                        ":3000",
		Headers:                       make(map[string]string),
		MaxIdleConns:                  100,
		MaxIdleConnsPerHost:           50,
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
