// Package polls holds transports with keep-alives off made on every call
// of a function that the package calls again and again (nsqio/go-nsq
// before #333: every poll of nsqlookupd made its own transport): each
// call dials a new connection, and turning keep-alives on alone would not
// help. Made on every call of a function the package calls once, or in a
// loop over distinct work that sends no second request, they are quiet:
// keep-alives off is keepalivesoff's to judge.
package polls

import (
	"io"
	"net/http"
	"time"
)

func query(endpoint string) error {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `http.Transport created on every call to query \(no connection is reused; keep-alives are off as well\)`
	resp, err := c.Get(endpoint)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func pollLoop(endpoint string, every time.Duration, stop chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_ = query(endpoint)
		case <-stop:
			return
		}
	}
}

// A transport with keep-alives off made on every call of a function the
// package calls once: nothing repeats.
func register(endpoint string) error {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Post(endpoint, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Start(endpoint string, stop chan struct{}) {
	if err := register(endpoint); err != nil {
		return
	}
	go pollLoop(endpoint, time.Minute, stop)
}

// The fix: one shared client with keep-alives on.
var shared = &http.Client{Timeout: 2 * time.Second}

func queryShared(endpoint string) error {
	resp, err := shared.Get(endpoint)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func pollShared(endpoint string, n int) {
	for range n {
		_ = queryShared(endpoint)
	}
}

// A handler runs for every request it serves, but a transport with
// keep-alives off made there is left alone, as in constructors.go: a
// proxy's upstream is often the request's own host.
func proxyStatus(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Get("http://backend/status")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// A constructor with keep-alives off, called on every poll: the same.
func newProbeTransport() *http.Transport {
	return &http.Transport{DisableKeepAlives: true}
}

func probe(endpoint string) error {
	c := &http.Client{Transport: newProbeTransport()} // want `newProbeTransport\(\) creates an http.Transport on every call to probe \(no connection is reused; keep-alives are off as well\)`
	resp, err := c.Get(endpoint)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func probeEvery(endpoint string, stop chan struct{}) {
	for {
		select {
		case <-time.After(time.Second):
			_ = probe(endpoint)
		case <-stop:
			return
		}
	}
}

// Calls in a loop over work items, or started as goroutines, do not
// repeat one request: each item may name another host, and concurrent
// calls cannot share a connection.
func fetchOnce(host string) error {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Get("http://" + host + "/.well-known/acme-challenge/token")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func validateAll(hosts []string) {
	for _, h := range hosts {
		_ = fetchOnce(h)
	}
}

func validateFromVantagePoints(host string, n int) {
	for range n {
		go fetchOnce(host)
	}
}
