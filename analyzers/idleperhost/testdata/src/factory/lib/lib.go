// Package lib makes the transports and clients that package user shares
// between its workers: it shows neither the hosts nor the concurrency, so
// it reports nothing and tells its callers what it made (a pool fact).
package lib

import (
	"errors"
	"net/http"
	"time"
)

// NewTransport leaves the per-host idle limit at 2.
func NewTransport(insecure bool) (*http.Transport, error) { // want NewTransport:`returns a transport keeping 2 idle connections per host \(result 0\)`
	if insecure {
		return nil, errors.New("refused")
	}
	return &http.Transport{IdleConnTimeout: 90 * time.Second}, nil
}

// RoundTripper raises MaxIdleConns, which is for all hosts together.
func RoundTripper() http.RoundTripper { // want RoundTripper:`returns a transport keeping 2 idle connections per host \(result 0, MaxIdleConns to 100\)`
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 100
	return tr
}

// NewClient's client uses a transport of its own.
func NewClient() *http.Client { // want NewClient:`returns a client keeping 2 idle connections per host \(result 0\)`
	return &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
}

// Tuned keeps enough idle connections per host: no fact.
func Tuned() *http.Transport {
	return &http.Transport{MaxIdleConnsPerHost: 64}
}

// Either returns one of two pools, one of them tuned: no fact.
func Either(many bool) *http.Transport {
	if many {
		return &http.Transport{MaxIdleConnsPerHost: 64}
	}
	return &http.Transport{}
}

// Shared returns a transport the package also hands elsewhere: no fact.
func Shared() *http.Transport {
	tr := &http.Transport{}
	register(tr)
	return tr
}

var registered []http.RoundTripper

func register(rt http.RoundTripper) { registered = append(registered, rt) }

// Holder holds its client: its methods send, out of callers' view.
type Holder struct{ C *http.Client }

func NewHolder() *Holder { return &Holder{C: &http.Client{Transport: &http.Transport{}}} }

// Plain is a clone of DefaultTransport, which keeps 2 per host too.
func Plain() *http.Transport { // want Plain:`returns a transport keeping 2 idle connections per host \(result 0\)`
	return http.DefaultTransport.(*http.Transport).Clone()
}

// Limited allows 2 connections per host, which 2 idle ones serve: no fact.
func Limited() *http.Transport { return &http.Transport{MaxConnsPerHost: 2} }

// Capped keeps one idle connection in all, on purpose: no fact.
func Capped() *http.Transport { return &http.Transport{MaxIdleConns: 1} }

// Mixed returns one of two pools that say different things: no fact.
func Mixed(wide bool) *http.Transport {
	if wide {
		return &http.Transport{MaxIdleConns: 50}
	}
	return &http.Transport{}
}
