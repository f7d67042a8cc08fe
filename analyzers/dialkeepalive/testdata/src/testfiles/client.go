// Package testfiles holds a dialer setting in a _test.go file: reported
// only with -dialkeepalive.tests. The package's own transport expires
// idle connections.
package testfiles

import (
	"net"
	"net/http"
	"time"
)

var Client = &http.Client{Transport: &http.Transport{
	DialContext:     (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext,
	IdleConnTimeout: 90 * time.Second,
}}
