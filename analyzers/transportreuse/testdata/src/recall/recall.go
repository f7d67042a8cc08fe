// Package recall holds the shapes of real fixes that transportreuse missed.
package recall

import (
	"net/http"
	"time"
)

// A timer that cancels the request on the transport does not keep it.
func Cancel(u string) error {
	tr := &http.Transport{} // want `http.Transport created on every call to Cancel`
	c := &http.Client{Transport: tr}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	timer := time.AfterFunc(5*time.Second, func() { tr.CancelRequest(req) })
	defer timer.Stop()
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The good twin keeps one transport for all calls.
var shared = &http.Transport{}

func CancelShared(u string) error {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	timer := time.AfterFunc(5*time.Second, func() { shared.CancelRequest(req) })
	defer timer.Stop()
	resp, err := (&http.Client{Transport: shared}).Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A field of a value receiver's copy dies with the call.
type fetcher struct {
	tr  *http.Transport
	url string
}

func (f fetcher) Get() (*http.Response, error) {
	f.tr = &http.Transport{} // want `http.Transport created on every call to fetcher.Get`
	return (&http.Client{Transport: f.tr}).Get(f.url)
}

// A pointer receiver's field outlives the call: kept.
type keeper struct {
	tr  *http.Transport
	url string
}

func (k *keeper) Get() (*http.Response, error) {
	if k.tr == nil {
		k.tr = &http.Transport{}
	}
	return (&http.Client{Transport: k.tr}).Get(k.url)
}

// The copy is returned whole: its transport lives on with it.
func (f fetcher) WithTransport() fetcher {
	f.tr = &http.Transport{}
	return f
}

// A constructor that returns the fresh transport wrapped in a
// RoundTripper of the package, on one branch or both.
type logging struct{ next http.RoundTripper }

func (l *logging) RoundTrip(req *http.Request) (*http.Response, error) { return l.next.RoundTrip(req) }

func newRoundTripper(debug bool) http.RoundTripper {
	tr := &http.Transport{}
	if debug {
		return &logging{next: tr}
	}
	return tr
}

func Proxy(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: newRoundTripper(true)} // want `newRoundTripper\(\) creates an http.Transport on every request handled by Proxy`
	resp, err := c.Get("http://backend/")
	if err == nil {
		resp.Body.Close()
	}
}

// The good twin makes it once.
var proxyClient = &http.Client{Transport: newRoundTripper(true)}

func ProxyShared(w http.ResponseWriter, r *http.Request) {
	resp, err := proxyClient.Get("http://backend/")
	if err == nil {
		resp.Body.Close()
	}
}

func init() {
	http.HandleFunc("/p", Proxy)
	http.HandleFunc("/s", ProxyShared)
}
