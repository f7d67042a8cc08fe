// Package debug wraps a RoundTripper in one that logs, in debug builds.
package debug

import (
	"log"
	"net/http"
	"os"
)

var enabled = os.Getenv("DEBUG_LOG") != ""

type loggingRoundTripper struct {
	http.RoundTripper
}

func (tr loggingRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	log.Printf("------------  HTTP REQUEST -----------\n%s %s", req.Method, req.URL)
	res, err := tr.RoundTripper.RoundTrip(req)
	if err == nil {
		log.Printf("------------  HTTP RESPONSE ----------\n%s", res.Status)
	}
	return res, err
}

// RoundTripper returns upstream, wrapped in a logger when debugging is on.
func RoundTripper(upstream http.RoundTripper) http.RoundTripper {
	if !enabled {
		return upstream
	}
	return loggingRoundTripper{upstream}
}
