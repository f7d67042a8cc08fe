// Package config holds the server's HTTP settings.
package config

import (
	"encoding/json"
	"fmt"
	"time"
)

// Duration is a time.Duration read from a JSON string ("10s").
type Duration struct{ time.Duration }

// UnmarshalJSON parses a duration string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

func makeDuration(s string) Duration {
	v, err := time.ParseDuration(s)
	if err != nil {
		panic(err)
	}
	return Duration{v}
}

// HTTPServerConfig is the web server's configuration.
type HTTPServerConfig struct {
	Port   int    `json:"port"`
	Listen string `json:"listen"`

	ReadTimeout             Duration `json:"readTimeout"`
	WriteTimeout            Duration `json:"writeTimeout"`
	IdleTimeout             Duration `json:"idleTimeout"`
	LongPollingMaxTimeout   Duration `json:"longPollingMaxTimeout"`
	GracefulShutdownTimeout Duration `json:"gracefulShutdownTimeout"`
}

func httpServerConfigDefault() *HTTPServerConfig {
	return &HTTPServerConfig{
		Port:                    3000,
		ReadTimeout:             makeDuration("10s"),
		WriteTimeout:            makeDuration("60s"),
		IdleTimeout:             makeDuration("1h30m"),
		LongPollingMaxTimeout:   makeDuration("30s"),
		GracefulShutdownTimeout: makeDuration("5s"),
	}
}

// Postprocess fills in the defaults of what the user left unset.
func Postprocess(c *HTTPServerConfig) {
	if c.Port == 0 {
		c.Port = httpServerConfigDefault().Port
	}
	if c.Listen == "" {
		c.Listen = fmt.Sprintf(":%d", c.Port)
	}
	if c.ReadTimeout.Duration == 0 {
		c.ReadTimeout = httpServerConfigDefault().ReadTimeout
	}
	if c.WriteTimeout.Duration == 0 {
		c.WriteTimeout = httpServerConfigDefault().WriteTimeout
	}
	if c.IdleTimeout.Duration == 0 {
		c.IdleTimeout = httpServerConfigDefault().IdleTimeout
	}
	if c.LongPollingMaxTimeout.Duration == 0 {
		c.LongPollingMaxTimeout = httpServerConfigDefault().LongPollingMaxTimeout
	}
	if c.GracefulShutdownTimeout.Duration == 0 {
		c.GracefulShutdownTimeout = httpServerConfigDefault().GracefulShutdownTimeout
	}
}
