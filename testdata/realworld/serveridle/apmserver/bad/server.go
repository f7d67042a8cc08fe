// Package bad is the shape of elastic/apm-server's beater before PR #2122
// (issue #2121): the intake server sets a configurable ReadTimeout (30s by
// default) and no IdleTimeout, so idle keep-alive connections of the APM
// agents are closed after the read timeout, which agents and load
// balancers in front of the server did not expect.
package bad

import (
	"log"
	"net"
	"net/http"
	"time"
)

// Config is the server part of apm-server.yml.
type Config struct {
	Host            string        `config:"host"`
	MaxHeaderSize   int           `config:"max_header_size"`
	ReadTimeout     time.Duration `config:"read_timeout"`
	WriteTimeout    time.Duration `config:"write_timeout"`
	ShutdownTimeout time.Duration `config:"shutdown_timeout"`
}

func defaultConfig(hostname string) *Config {
	return &Config{
		Host:            net.JoinHostPort("localhost", "8200"),
		MaxHeaderSize:   1 * 1024 * 1024,
		ReadTimeout:     30 * time.Second,
		WriteTimeout:    30 * time.Second,
		ShutdownTimeout: 5 * time.Second,
	}
}

func newMuxer(cfg *Config) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/intake/v2/events", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
	})
	return mux
}

func newServer(cfg *Config) *http.Server {
	return &http.Server{
		Addr:           cfg.Host,
		Handler:        newMuxer(cfg),
		ReadTimeout:    cfg.ReadTimeout,
		WriteTimeout:   cfg.WriteTimeout,
		MaxHeaderBytes: cfg.MaxHeaderSize,
	}
}

// Run serves the intake API until it fails.
func Run(hostname string) {
	srv := newServer(defaultConfig(hostname))
	log.Fatal(srv.ListenAndServe())
}
