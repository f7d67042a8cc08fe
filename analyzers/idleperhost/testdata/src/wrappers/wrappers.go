// Package wrappers wraps transports in RoundTrippers that send every
// request they are given through the transport: the wrapper's requests
// are the transport's.
package wrappers

import (
	"net/http"
	"sync"
	"sync/atomic"

	"golang.org/x/oauth2"
	"wrappers/relay"
)

// A RoundTripper of the package that adds headers and forwards the
// request to the transport it holds (netboxlabs/diode's headerRoundTripper).
type headerRoundTripper struct {
	transport http.RoundTripper
}

func (rt *headerRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.Header.Set("Accept", "application/json")
	return rt.transport.RoundTrip(r)
}

type API struct {
	base string
	http *http.Client
}

func NewAPI(base string) *API {
	tr := &http.Transport{MaxIdleConns: 100} // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to the base URL in API.base`
	return &API{base: base, http: &http.Client{Transport: &headerRoundTripper{transport: tr}}}
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

// The good twin: a balancer of the package points each request it
// forwards at one of many hosts, so the client's one base is not where
// the transport's requests go.
type balancer struct {
	next  http.RoundTripper
	hosts []string
	n     atomic.Int64
}

func (b *balancer) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.URL.Host = b.hosts[int(b.n.Add(1))%len(b.hosts)]
	return b.next.RoundTrip(r)
}

func NewBalancedAPI(base string, hosts []string) *API {
	tr := &http.Transport{MaxIdleConns: 100}
	return &API{base: base, http: &http.Client{Transport: &balancer{next: tr, hosts: hosts}}}
}

// oauth2.Transport sends every request through Base (httpapi.WrapFields).
func NewOAuthAPI(base string, ts oauth2.TokenSource) *API {
	tr := &http.Transport{MaxIdleConns: 100} // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to the base URL in API.base`
	return &API{base: base, http: &http.Client{Transport: &oauth2.Transport{Source: ts, Base: tr}}}
}

// Both wrappers, the package's inside oauth2's, as diode has them.
func NewWrappedAPI(base string, ts oauth2.TokenSource) *API {
	tr := &http.Transport{MaxIdleConns: 100} // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to the base URL in API.base`
	inner := &headerRoundTripper{transport: tr}
	return &API{base: base, http: &http.Client{Transport: &oauth2.Transport{Source: ts, Base: inner}}}
}

// The good twin: another package's RoundTripper that no table describes
// may send anywhere, or keep the transport for other clients.
func NewRelayedAPI(base string) *API {
	tr := &http.Transport{MaxIdleConns: 100}
	return &API{base: base, http: &http.Client{Transport: &relay.Transport{Next: tr}}}
}

// The transport read back from a client and wrapped for another, as
// diode has it (its retryablehttp client's HTTPClient.Transport).
func NewReadBackAPI(base string, ts oauth2.TokenSource) *API {
	plain := &http.Client{Transport: &http.Transport{MaxIdleConns: 100}} // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to the base URL in API.base`
	return &API{base: base, http: &http.Client{Transport: &oauth2.Transport{Source: ts, Base: plain.Transport}}}
}

// The good twin: the client given the transport back sends to any host.
type Crawler struct {
	base     string
	api, any *http.Client
}

func NewCrawler(base string) *Crawler {
	api := &http.Client{Transport: &http.Transport{MaxIdleConns: 100}}
	return &Crawler{base: base, api: api, any: &http.Client{Transport: api.Transport}}
}

func (c *Crawler) Crawl(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			if resp, err := c.api.Get(c.base + "/seen"); err == nil {
				resp.Body.Close()
			}
			if resp, err := c.any.Get(u); err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}
