package closures

import (
	"net/http"
)

// The base URL is captured by the closure that the constructor returns, next
// to the client it creates.
func NewGetter(base string) func(path string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `every request goes to the base URL in base`
	return func(path string) (*http.Response, error) {
		return c.Get(base + path)
	}
}

func NewGetterGood(base string) func(path string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	return func(path string) (*http.Response, error) {
		return c.Get(base + path)
	}
}

// A closure over a loop variable: one URL per closure, many hosts.
func FetchAll(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, u := range urls {
		go func() { c.Get(u) }()
	}
}

// A closure that captures a constant-host URL and a client.
func Poller() func() {
	tr := &http.Transport{} // want `every request goes to status.internal `
	const status = "http://status.internal/ok"
	c := &http.Client{Transport: tr}
	return func() {
		c.Get(status)
	}
}

// A captured variable that is assigned after capture is not followed.
func Later(base string) func() {
	c := &http.Client{Transport: &http.Transport{}}
	u := base
	f := func() { c.Get(u + "/x") }
	u = "http://other/"
	return f
}
