// Package tests changes the defaults in test code.
package tests

import (
	"net/http"
	"testing"
)

// NoKeepAlives is a test helper of a non-test file.
func NoKeepAlives(t testing.TB) {
	http.DefaultTransport.(*http.Transport).DisableKeepAlives = true // want `DisableKeepAlives changes`
}

func Tune() {
	http.DefaultTransport.(*http.Transport).MaxIdleConns = 1 // want `MaxIdleConns changes`
}
