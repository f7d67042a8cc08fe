package closures

import (
	"net/http"
	"time"
)

func captured() {
	srv := &http.Server{ReadTimeout: 7 * time.Second} // want `close after 7s`
	go func() { srv.ListenAndServe() }()
}

func capturedGood() {
	srv := &http.Server{ReadTimeout: 7 * time.Second}
	func() { srv.IdleTimeout = time.Minute }()
	go func() { srv.ListenAndServe() }()
}

func assignedInClosure() {
	var srv *http.Server
	setup := func() { srv = &http.Server{ReadTimeout: 8 * time.Second} } // want `close after 8s`
	setup()
	srv.ListenAndServe()
}

func assignedInClosureGood() {
	var srv *http.Server
	setup := func() { srv = &http.Server{ReadTimeout: 8 * time.Second} }
	setup()
	srv.IdleTimeout = time.Minute
	srv.ListenAndServe()
}

func options(opts ...func(*http.Server)) {
	// Options applied through function values may set IdleTimeout.
	srv := &http.Server{ReadTimeout: 9 * time.Second}
	for _, o := range opts {
		o(srv)
	}
	srv.ListenAndServe()
}

func methodValue() {
	srv := &http.Server{ReadTimeout: 6 * time.Second} // want `close after 6s`
	serve := srv.ListenAndServe
	go serve()
}
