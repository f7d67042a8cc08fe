// Package lib is a helper package of the module that makes clients for its
// other packages: which of its functions make a fresh transport at every
// call is recorded in facts; it sends nothing itself.
package lib

import (
	"crypto/tls"
	"errors"
	"net/http"
	"sync"
)

// GetHTTPClient clones DefaultTransport for every client (cs3org/reva's
// rhttp.GetHTTPClient).
func GetHTTPClient(insecure bool) *http.Client { // want GetHTTPClient:`makes a transport at every call \(result 0, idle expire true, keep-alives off false\)`
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: insecure}
	return &http.Client{Transport: tr}
}

// NewTransport makes a bare transport, whose idle connections never expire.
func NewTransport(name string) (*http.Transport, error) { // want NewTransport:`makes a transport at every call \(result 0, idle expire false, keep-alives off false\)`
	if name == "" {
		return nil, errors.New("no name")
	}
	return &http.Transport{}, nil
}

var shared = &http.Client{Transport: &http.Transport{}}

// Shared returns the one client of the package: no fact.
func Shared() *http.Client { return shared }

var (
	once   sync.Once
	cached *http.Client
)

// Cached makes its client once: no fact.
func Cached() *http.Client {
	once.Do(func() { cached = &http.Client{Transport: &http.Transport{}} })
	return cached
}

// API holds its client; its methods send through it: no fact.
type API struct{ c *http.Client }

func NewAPI() *API { return &API{c: &http.Client{Transport: &http.Transport{}}} }

func (a *API) Ping() error {
	resp, err := a.c.Get("http://api.internal/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// newClient is unexported: no fact.
func newClient() *http.Client { return &http.Client{Transport: &http.Transport{}} }

// Default returns what newClient makes, to callers of other packages.
func Default() *http.Client { return newClient() } // want Default:`makes a transport at every call \(result 0, idle expire false, keep-alives off false\)`
