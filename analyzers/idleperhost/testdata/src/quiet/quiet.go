package quiet

import (
	"net/http"
	"net/url"
	"os"
)

const host = "http://inventory.internal:8080/items"

func disabled() {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range 3 {
		go c.Get(host)
	}
}

func negative() {
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: -1}}
	for range 3 {
		go c.Get(host)
	}
}

func perHostFromConfig(n int) {
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n}}
	for range 3 {
		go c.Get(host)
	}
}

// Handed to code the package cannot see, which may configure it.
func handedToOtherPackage() {
	t := &http.Transport{}
	configure(t)
	c := &http.Client{Transport: t}
	for range 3 {
		go c.Get(host)
	}
}

var configure = func(t *http.Transport) { t.MaxIdleConnsPerHost = 100 }

// Wrapped in another package's RoundTripper.
type logging struct{ next http.RoundTripper }

func (l logging) RoundTrip(r *http.Request) (*http.Response, error) { return l.next.RoundTrip(r) }

func wrapped() {
	c := &http.Client{Transport: logging{next: &http.Transport{}}}
	for range 3 {
		go c.Get(host)
	}
}

// Returned to callers the package cannot see: they choose the URLs (the
// facts tell them what the pools are).
func NewTransport() *http.Transport { return &http.Transport{} }

func NewClient() *http.Client { return &http.Client{Transport: &http.Transport{}} }

// Client passed to another package's function.
func handedClient() {
	c := &http.Client{Transport: &http.Transport{}}
	for range 3 {
		go c.Get(host)
	}
	use(c)
}

var use func(*http.Client)

// URLs from user input, flags, the environment.
func fromEnv() {
	c := &http.Client{Transport: &http.Transport{}}
	for range 3 {
		go c.Get(os.Getenv("TARGET"))
	}
}

func fromArgs(u *url.URL) {
	c := &http.Client{Transport: &http.Transport{}}
	for range 3 {
		go c.Get(u.String())
	}
}

// The client's transport is replaced.
func replaced() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Transport = http.DefaultTransport
	for range 3 {
		go c.Get(host)
	}
}

// Per-host set through the client afterwards.
func setThroughClient() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Transport.(*http.Transport).MaxIdleConnsPerHost = 50
	for range 3 {
		go c.Get(host)
	}
}

// Never used for a request.
func unused() *http.Client {
	c := &http.Client{Transport: &http.Transport{}}
	c.CloseIdleConnections()
	return nil
}

// A relative URL or another scheme names no host.
func relative() {
	c := &http.Client{Transport: &http.Transport{}}
	for range 3 {
		go c.Get("/items")
	}
}

// A request from a parameter of an exported function.
func Send(req *http.Request) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}}
	for range 3 {
		go c.Do(req)
	}
	return c.Do(req)
}
