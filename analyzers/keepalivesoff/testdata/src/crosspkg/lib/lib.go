// Package lib builds clients and requests for other packages.
package lib

import "net/http"

// NewClient hands its transport to callers in other packages: judged by
// what this package does with it (nothing), so quiet.
func NewClient() *http.Client {
	return &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
}

// Client is used by this package's exported Get.
var Client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `sets DisableKeepAlives`

func Get(u string) (*http.Response, error) { return Client.Get(u) }

// NewRequest returns a request with Close set: the sending happens elsewhere.
func NewRequest(u string) *http.Request {
	req, _ := http.NewRequest("GET", u, nil)
	req.Close = true
	return req
}
