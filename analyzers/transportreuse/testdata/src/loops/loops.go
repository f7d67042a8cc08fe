// Package loops makes transports in loop bodies.
package loops

import (
	"net/http"
	"time"
)

func Poll(urls []string) {
	for _, u := range urls {
		c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created on every iteration of a loop in Poll`
		c.Get(u)
	}
}

// PollGood makes the transport once and reuses it in the loop.
func PollGood(urls []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, u := range urls {
		c.Get(u)
	}
}

func Retry(req *http.Request) (*http.Response, error) {
	var err error
	for range 3 {
		tr := http.DefaultTransport.(*http.Transport).Clone() // want `cloned on every iteration of a loop in Retry`
		resp, e := tr.RoundTrip(req)
		if e == nil {
			return resp, nil
		}
		err = e
	}
	return nil, err
}

func Ticker(url string, tick <-chan time.Time) {
	for range tick {
		c := &http.Client{Transport: &http.Transport{}} // want `created on every iteration of a loop in Ticker`
		go func() {
			c.Get(url)
		}()
	}
}

// PerBackend makes one transport per backend and keeps each.
func PerBackend(backends []string) map[string]*http.Client {
	clients := make(map[string]*http.Client)
	for _, b := range backends {
		clients[b] = &http.Client{Transport: &http.Transport{}}
	}
	return clients
}

// Register makes one handler per backend: each reuses its transport.
func Register(mux *http.ServeMux, backends []string) {
	for _, b := range backends {
		c := &http.Client{Transport: &http.Transport{}}
		mux.HandleFunc("/"+b, func(w http.ResponseWriter, r *http.Request) {
			c.Get("http://" + b)
		})
	}
}

// ClosureInLoop makes a transport in a closure called on every iteration.
func ClosureInLoop(urls []string) {
	for _, u := range urls {
		func() {
			c := &http.Client{Transport: &http.Transport{}} // want `created on every call to a function literal in ClosureInLoop`
			c.Get(u)
		}()
	}
}
