// Package basic holds transports that switch keep-alives off.
package basic

import (
	"net/http"
	"time"
)

// A client kept in a package variable and used by an exported function:
// every call of Fetch opens a new connection.
var client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `http.Transport sets DisableKeepAlives and sends more than one request \(a new TCP connection per request and TIME_WAIT sockets on the side that closes first\)`

func Fetch(url string) (*http.Response, error) { return client.Get(url) }

// Good twin: keep-alives on, stale connections expire client-side first.
var goodClient = &http.Client{Transport: &http.Transport{IdleConnTimeout: 30 * time.Second}}

func FetchGood(url string) (*http.Response, error) { return goodClient.Get(url) }

// A loop over one transport.
func Poll(urls []string) {
	tr := &http.Transport{}
	tr.DisableKeepAlives = true // want `sets DisableKeepAlives`
	c := &http.Client{Transport: tr}
	for _, u := range urls {
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

func PollGood(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, u := range urls {
		if resp, err := c.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

// Two requests through one transport, sent directly.
func Twice(a, b *http.Request) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = true // want `sets DisableKeepAlives`
	tr.RoundTrip(a)
	tr.RoundTrip(b)
}

func TwiceGood(a, b *http.Request) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.RoundTrip(a)
	tr.RoundTrip(b)
}

// An API client whose methods share one transport.
type API struct {
	hc *http.Client
}

func NewAPI() *API {
	return &API{hc: &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: 10,
		DisableKeepAlives:   true, // want `sets DisableKeepAlives`
	}}}
}

func (a *API) Get(url string) (*http.Response, error) { return a.hc.Get(url) }

type GoodAPI struct {
	hc *http.Client
}

func NewGoodAPI() *GoodAPI {
	return &GoodAPI{hc: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 10}}}
}

func (a *GoodAPI) Get(url string) (*http.Response, error) { return a.hc.Get(url) }
