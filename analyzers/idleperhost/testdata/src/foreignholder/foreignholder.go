// Package foreignholder keeps a transport in the HTTPClient of a
// retryablehttp.Client that never leaves the package's view, and reads it
// back for a client of its own (netboxlabs/diode before #524; its good twin
// is foreignholdertuned, since the package's retryablehttp.Clients count
// as one): the
// retryablehttp code sends nothing through it, the package's client sends
// everything.
package foreignholder

import (
	"net/http"
	"sync"

	"github.com/hashicorp/go-retryablehttp"
)

type API struct {
	base string
	http *http.Client
}

func NewAPI(base string) *API {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 2
	rc.HTTPClient.Transport = &http.Transport{} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in API.base`
	return &API{base: base, http: &http.Client{Transport: rc.HTTPClient.Transport}}
}

func (a *API) get(p string) error {
	resp, err := a.http.Get(a.base + p)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *API) All(ps []string) {
	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Go(func() { a.get(p) })
	}
	wg.Wait()
}
