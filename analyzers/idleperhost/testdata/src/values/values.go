// Package values declares transports and clients as struct values:
// SSA builds the literal in a temporary that it copies into the
// variable, so the literal's fields are the variable's.
package values

import (
	"net/http"
	"sync"
)

type API struct {
	base string
	http *http.Client
}

func (a *API) All(ps []string) {
	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Go(func() {
			if resp, err := a.http.Get(a.base + p); err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// One transport, one report, at the literal.
func NewAPI(base string) *API {
	tr := http.Transport{MaxIdleConns: 100} // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host`
	return &API{base: base, http: &http.Client{Transport: &tr}}
}

// The good twin: the literal raises the per-host limit.
func NewTunedAPI(base string) *API {
	tr := http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: 100}
	return &API{base: base, http: &http.Client{Transport: &tr}}
}

const inventory = "http://inventory.internal:8080"

// A client value without a Transport uses http.DefaultTransport.
func FetchAll(ids []string) {
	c := http.Client{}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			if resp, err := c.Get(inventory + "/items/" + id); err == nil { // want `c.Get sends concurrent requests to inventory.internal:8080 through http.DefaultTransport`
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// The good twin: a copy of another client has that client's Transport.
func FetchAllWith(base *http.Client, ids []string) {
	c := *base
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			if resp, err := c.Get(inventory + "/items/" + id); err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}
