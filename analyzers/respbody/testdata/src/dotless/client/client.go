// Package client is the service's own wrapper around net/http, in a module
// whose path has no dot.
package client

import "net/http"

// Fetch returns an open response: the caller must close it.
func Fetch(u string) (*http.Response, error) { return http.Get(u) }
