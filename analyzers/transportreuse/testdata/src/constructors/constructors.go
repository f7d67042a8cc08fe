// Package constructors makes transports through its own constructors.
package constructors

import (
	"crypto/tls"
	"net/http"
	"sync"
	"time"
)

func newTransport() *http.Transport {
	return &http.Transport{TLSClientConfig: &tls.Config{}} // the construction: related information
}

func newClient() *http.Client {
	return &http.Client{Transport: newTransport(), Timeout: time.Second}
}

func NewInsecureClient() (*http.Client, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &http.Client{Transport: tr}, nil
}

func handle(w http.ResponseWriter, r *http.Request) {
	c := newClient() // want `newClient\(\) creates an http.Transport on every request handled by handle \(no connection is reused; idle connections leak until the server closes them\)`
	c.Get("http://backend")
}

func handleInsecure(w http.ResponseWriter, r *http.Request) {
	c, err := NewInsecureClient() // want `NewInsecureClient\(\) creates an http.Transport on every request handled by handleInsecure \(no connection is reused; idle connections leak until IdleConnTimeout\)`
	if err != nil {
		return
	}
	c.Do(r)
}

func Fetch(url string) (*http.Response, error) {
	tr := newTransport() // want `newTransport\(\) creates an http.Transport on every call to Fetch`
	return (&http.Client{Transport: tr}).Get(url)
}

// Good twins: the constructor's result is kept, returned, or made once.

var client = newClient()

func handleGood(w http.ResponseWriter, r *http.Request) {
	client.Get("http://backend")
}

type Service struct {
	c *http.Client
}

func NewService() *Service {
	return &Service{c: newClient()}
}

func FetchReturn() *http.Client {
	return newClient()
}

// Lazy initialisation: the constructor keeps what it makes.
var (
	lazyOnce sync.Once
	lazy     *http.Client
)

func lazyClient() *http.Client {
	lazyOnce.Do(func() {
		lazy = &http.Client{Transport: &http.Transport{}}
	})
	return lazy
}

func handleLazy(w http.ResponseWriter, r *http.Request) {
	lazyClient().Get("http://backend")
}

// A pool keyed by host: the constructor stores what it makes.
var (
	mu    sync.Mutex
	pools = map[string]*http.Transport{}
)

func transportFor(host string) *http.Transport {
	mu.Lock()
	defer mu.Unlock()
	if t, ok := pools[host]; ok {
		return t
	}
	t := &http.Transport{}
	pools[host] = t
	return t
}

func handlePool(w http.ResponseWriter, r *http.Request) {
	transportFor(r.Host).RoundTrip(r)
}

// A constructor that turns keep-alives off makes nothing to reuse.
func oneShot() *http.Transport {
	return &http.Transport{DisableKeepAlives: true}
}

func handleOneShot(w http.ResponseWriter, r *http.Request) {
	oneShot().RoundTrip(r)
}

// run-style: made once and used for many requests.
func run(urls []string) {
	c := newClient()
	for _, u := range urls {
		c.Get(u)
	}
}

// The caller gives the client another transport: the fresh one is never used.
var sharedTransport = &http.Transport{}

func handleReplaced(w http.ResponseWriter, r *http.Request) {
	c := newClient()
	c.Transport = sharedTransport
	c.Get("http://backend")
}
