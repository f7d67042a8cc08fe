// Package foreignclient puts transports of its own into clients that
// another package makes: the package's store of a transport into an
// http.Client's Transport field is a use of it by that client, whoever
// made the client, and the sends through the client are in view
// (keycloak/terraform-provider-keycloak before #1169).
package foreignclient

import (
	"net/http"
	"sync"

	"github.com/hashicorp/go-retryablehttp"
)

type API struct {
	base string
	http *http.Client
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

// The client comes from retryablehttp; its Transport is the package's.
func NewAPI(base string) *API {
	tr := &http.Transport{} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in API.base`
	hc := retryablehttp.NewClient().StandardClient()
	hc.Transport = tr
	return &API{base: base, http: hc}
}

// The good twin: the transport keeps idle connections for the parallel
// requests.
func NewTunedAPI(base string) *API {
	tr := &http.Transport{MaxIdleConnsPerHost: 32}
	hc := retryablehttp.NewClient().StandardClient()
	hc.Transport = tr
	return &API{base: base, http: hc}
}

// Through a constructor of the package that returns the foreign client.
func standard() *http.Client {
	rc := retryablehttp.NewClient()
	rc.RetryMax = 2
	return rc.StandardClient()
}

func NewHelperAPI(base string) *API {
	tr := &http.Transport{} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in API.base`
	hc := standard()
	hc.Transport = tr
	return &API{base: base, http: hc}
}

// Passed as an argument to another package's function, the transport is
// handed off: that function may do anything with it.
func NewWrappedAPI(base string, wrap func(http.RoundTripper) *http.Client) *API {
	tr := &http.Transport{}
	return &API{base: base, http: wrap(tr)}
}

// In the HTTPClient field of a retryablehttp.Client, the transport serves
// the requests that retryablehttp's methods send, which the package does
// not see: those of Fetch go to any URL, those of head to the base. (All
// the package's retryablehttp.Clients count as one: scenario
// foreignholder has one that never leaves the package's view.)
type Retrying struct {
	base string
	rc   *retryablehttp.Client
}

func NewRetrying(base string) *Retrying {
	rc := retryablehttp.NewClient()
	rc.HTTPClient.Transport = &http.Transport{}
	return &Retrying{base: base, rc: rc}
}

func (r *Retrying) Fetch(url string) error {
	req, err := retryablehttp.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := r.rc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (r *Retrying) head(p string) error {
	resp, err := r.rc.HTTPClient.Head(r.base + p)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (r *Retrying) All(ps []string) {
	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Go(func() { r.head(p) })
	}
	wg.Wait()
}
