// Code that must not be reported.
package quiet

import (
	"net/http"
	"time"

	"github.com/other/graceful"
)

// Handed to another package, which may set IdleTimeout.
func handedOff() error {
	srv := &http.Server{ReadTimeout: 10 * time.Second}
	return graceful.Serve(srv)
}

// A server whose origin is not in this package.
func configure(srv *http.Server) {
	srv.ReadTimeout = 10 * time.Second
}

// Fields set from configuration: IdleTimeout may be zero, but kalint cannot
// know, so it stays quiet.
type Config struct{ Read, Idle time.Duration }

func fromConfig(c Config) *http.Server {
	return &http.Server{ReadTimeout: c.Read, IdleTimeout: c.Idle}
}

// A struct with a field that happens to be named ReadTimeout.
type fake struct{ ReadTimeout, IdleTimeout time.Duration }

func notHTTP() fake { return fake{ReadTimeout: time.Second} }

// Interfaces and other hand-offs.
func asInterface() {
	srv := &http.Server{ReadTimeout: time.Second}
	var s interface{ ListenAndServe() error } = srv
	s.ListenAndServe()
}

func useAll() {
	_ = handedOff
	_ = configure
	_ = fromConfig
	_ = notHTTP
	asInterface()
	_ = inspected
}

// Servers that are only inspected, never served, returned or kept: a table
// of test cases for the fallback itself.
func inspected() []time.Duration {
	tests := []struct{ s *http.Server }{
		{s: &http.Server{ReadTimeout: 5 * time.Second}},
	}
	var out []time.Duration
	for _, tt := range tests {
		out = append(out, tt.s.ReadTimeout)
	}
	local := &http.Server{ReadTimeout: time.Second}
	return append(out, local.ReadTimeout)
}

// The twin: the same server, served.
func servedTwin() {
	local := &http.Server{ReadTimeout: time.Second} // want `close after 1s`
	local.ListenAndServe()
}
