// Package foreignholdertuned is foreignholder's good twin: the transport
// kept in the retryablehttp.Client's HTTPClient keeps idle connections for
// the parallel requests.
package foreignholdertuned

import (
	"net/http"
	"sync"

	"github.com/hashicorp/go-retryablehttp"
)

type API struct {
	base string
	http *http.Client
}

// The transport keeps idle connections for the parallel
// requests.
func NewAPI(base string) *API {
	rc := retryablehttp.NewClient()
	rc.HTTPClient.Transport = &http.Transport{MaxIdleConnsPerHost: 32}
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
