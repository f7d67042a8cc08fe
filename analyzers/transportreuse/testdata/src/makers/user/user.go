// Package user takes its clients from lib.
package user

import (
	"makers/lib"
	"net/http"
)

const backend = "http://backend.internal/items"

// A fresh client, and transport, for every request handled.
func handle(w http.ResponseWriter, r *http.Request) {
	c := lib.GetHTTPClient(false) // want `lib.GetHTTPClient\(\) creates an http.Transport on every request handled by handle \(no connection is reused; idle connections leak until IdleConnTimeout\)`
	resp, err := c.Get(backend)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	resp.Body.Close()
}

// A fresh transport in every round of a loop.
func fetchAll(names []string) {
	for _, n := range names {
		tr, err := lib.NewTransport(n) // want `lib.NewTransport\(\) creates an http.Transport on every iteration of a loop in fetchAll \(no connection is reused; idle connections leak until the server closes them\)`
		if err != nil {
			continue
		}
		req, _ := http.NewRequest(http.MethodGet, backend+"/"+n, nil)
		if resp, err := tr.RoundTrip(req); err == nil {
			resp.Body.Close()
		}
	}
}

// Through an unexported helper of lib, by its exported caller.
func handleDefault(w http.ResponseWriter, r *http.Request) {
	if resp, err := lib.Default().Get(backend); err == nil { // want `lib.Default\(\) creates an http.Transport on every request handled by handleDefault`
		resp.Body.Close()
	}
}

// Made once for the package: quiet.
var client = lib.GetHTTPClient(false)

func handleKept(w http.ResponseWriter, r *http.Request) {
	if resp, err := client.Get(backend); err == nil {
		resp.Body.Close()
	}
}

// lib's shared, cached and held clients are not fresh: quiet.
func handleShared(w http.ResponseWriter, r *http.Request) {
	for _, c := range []*http.Client{lib.Shared(), lib.Cached()} {
		if resp, err := c.Get(backend); err == nil {
			resp.Body.Close()
		}
	}
	lib.NewAPI().Ping()
}
