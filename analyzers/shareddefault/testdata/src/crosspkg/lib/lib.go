// Package lib offers the default transport to other packages.
package lib

import "net/http"

// Shared returns the default transport itself.
func Shared() *http.Transport { return http.DefaultTransport.(*http.Transport) }

// Fresh returns a transport of the caller's own.
func Fresh() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }

// Tune changes whatever transport it is given.
func Tune(t *http.Transport) {
	t.MaxIdleConnsPerHost = 32 // want `assignment to t.MaxIdleConnsPerHost changes http.DefaultTransport`
}

// TuneDefault changes the default for every package of the process.
func TuneDefault() {
	Tune(http.DefaultTransport.(*http.Transport))
}
