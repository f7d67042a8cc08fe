// Command quiet makes transports once, in main, init and run-style
// functions, and in test helpers.
package main

import (
	"net/http"
	"testing"
)

var warm *http.Response

func init() {
	c := &http.Client{Transport: &http.Transport{}}
	warm, _ = c.Get("http://warm-up")
}

func main() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("http://once")
	if err := run(); err != nil {
		panic(err)
	}
	Sync("http://sync")
	func() {
		tr := &http.Transport{}
		tr.RoundTrip(nil)
	}()
	for _, u := range []string{"a", "b"} {
		perURL(u)
	}
}

func run() error {
	c := &http.Client{Transport: &http.Transport{}}
	_, err := c.Get("http://run")
	return err
}

// Sync is exported, but nothing imports package main.
func Sync(url string) {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get(url)
}

// perURL runs in main's loop: once per URL.
func perURL(url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to perURL`
	c.Get(url)
}

// checkServer is a test helper outside a _test.go file.
func checkServer(t *testing.T, url string) {
	c := &http.Client{Transport: &http.Transport{}}
	if _, err := c.Get(url); err != nil {
		t.Fatal(err)
	}
}

func benchmarkServer(b *testing.B, url string) {
	for range b.N {
		c := &http.Client{Transport: &http.Transport{}}
		c.Get(url)
	}
}
