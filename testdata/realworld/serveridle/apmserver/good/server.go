// Package good is apm-server's beater after PR #2122: the server has an
// idle timeout of its own, 45s by default, instead of the read timeout.
package good

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
	IdleTimeout     time.Duration `config:"idle_timeout"`
	ShutdownTimeout time.Duration `config:"shutdown_timeout"`
}

func defaultConfig(hostname string) *Config {
	return &Config{
		Host:            net.JoinHostPort("localhost", "8200"),
		MaxHeaderSize:   1 * 1024 * 1024,
		ReadTimeout:     30 * time.Second,
		WriteTimeout:    30 * time.Second,
		IdleTimeout:     45 * time.Second,
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
		Addr:         cfg.Host,
		Handler:      newMuxer(cfg),
		ReadTimeout:  cfg.ReadTimeout,
		WriteTimeout: cfg.WriteTimeout,
		IdleTimeout:  cfg.IdleTimeout,

		MaxHeaderBytes: cfg.MaxHeaderSize,
	}
}

// Run serves the intake API until it fails.
func Run(hostname string) {
	srv := newServer(defaultConfig(hostname))
	log.Fatal(srv.ListenAndServe())
}
