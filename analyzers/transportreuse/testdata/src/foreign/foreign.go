// Package foreign calls constructors of other packages: the well-known ones
// and New... functions returning an *http.Transport.
package foreign

import (
	"net/http"
	"time"

	"crosspkg/lib"
	"github.com/go-resty/resty/v2"
	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

func pooledClient(w http.ResponseWriter, r *http.Request) {
	c := cleanhttp.DefaultPooledClient() // want `cleanhttp\.DefaultPooledClient\(\) creates an http\.Transport on every request handled by pooledClient \(no connection is reused; idle connections leak until IdleConnTimeout\)`
	c.Get("http://backend")
}

var pooled = cleanhttp.DefaultPooledClient()

func pooledClientGood(w http.ResponseWriter, r *http.Request) {
	pooled.Get("http://backend")
}

// DefaultClient and DefaultTransport turn keep-alives off: no pool to lose.
func cleanClient(w http.ResponseWriter, r *http.Request) {
	cleanhttp.DefaultClient().Get("http://backend")
	(&http.Client{Transport: cleanhttp.DefaultTransport()}).Get("http://backend")
}

func pooledTransport(urls []string) {
	for _, u := range urls {
		tr := cleanhttp.DefaultPooledTransport() // want `cleanhttp\.DefaultPooledTransport\(\) creates an http\.Transport on every iteration of a loop in pooledTransport`
		(&http.Client{Transport: tr}).Get(u)
	}
}

func pooledTransportGood(urls []string) {
	c := &http.Client{Transport: cleanhttp.DefaultPooledTransport()}
	for _, u := range urls {
		c.Get(u)
	}
}

func retrying(w http.ResponseWriter, r *http.Request) {
	c := retryablehttp.NewClient() // want `retryablehttp\.NewClient\(\) creates an http\.Transport on every request handled by retrying`
	c.RetryMax = 3
	c.Get("http://backend")
}

func retryingStandard(w http.ResponseWriter, r *http.Request) {
	retryablehttp.NewClient().StandardClient().Get("http://backend") // want `retryablehttp\.NewClient\(\) creates`
}

type api struct{ c *retryablehttp.Client }

// Kept in a struct that is returned: the caller keeps it.
func newAPI() *api {
	c := retryablehttp.NewClient()
	c.Get("http://backend/ping")
	return &api{c: c}
}

func restyPerCall(u string) {
	resty.New().SetTimeout(time.Second).R().Get(u) // want `resty\.New\(\) creates an http\.Transport on every call to restyPerCall`
}

// A setter's result, kept in a package variable.
var shared *resty.Client

func restyKept() {
	shared = resty.New().SetTimeout(time.Second)
	shared.R().Get("http://backend/ping")
}

// A New... function of another package returning an *http.Transport.
func handleNew(w http.ResponseWriter, r *http.Request) {
	tr := lib.NewTransport(time.Second) // want `lib\.NewTransport\(\) creates an http\.Transport on every request handled by handleNew`
	tr.RoundTrip(r)
}

var libTransport = lib.NewTransport(time.Second)

func handleNewGood(w http.ResponseWriter, r *http.Request) {
	libTransport.RoundTrip(r)
}

// It takes a transport: it may hand it back, so it is not a constructor.
func handleWrap(w http.ResponseWriter, r *http.Request) {
	lib.NewTuned(libTransport).RoundTrip(r)
}
