// Package quiettests changes the defaults in test code: quiet without
// -shareddefault.tests.
package quiettests

import (
	"net/http"
	"testing"
)

// NoKeepAlives is a test helper of a non-test file.
func NoKeepAlives(t testing.TB) {
	http.DefaultTransport.(*http.Transport).DisableKeepAlives = true
}

func Tune() {
	http.DefaultTransport.(*http.Transport).MaxIdleConns = 1 // want `MaxIdleConns changes`
}
