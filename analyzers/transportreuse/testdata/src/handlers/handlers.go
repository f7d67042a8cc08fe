// Package handlers makes transports in HTTP handlers of every shape.
package handlers

import (
	"io"
	"net/http"
)

type Proxy struct {
	client *http.Client
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created on every request handled by Proxy.ServeHTTP`
	resp, err := c.Get("http://backend" + r.URL.Path)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

type GoodProxy struct {
	client *http.Client
}

func (p GoodProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := p.client.Get("http://backend" + r.URL.Path)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func handle(w http.ResponseWriter, r *http.Request) {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `cloned on every request handled by handle`
	resp, err := tr.RoundTrip(r)
	if err == nil {
		resp.Body.Close()
	}
}

var shared = http.DefaultTransport.(*http.Transport).Clone()

func handleGood(w http.ResponseWriter, r *http.Request) {
	resp, err := shared.RoundTrip(r)
	if err == nil {
		resp.Body.Close()
	}
}

func Register(mux *http.ServeMux) {
	http.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		c := &http.Client{Transport: &http.Transport{}} // want `created on every request handled by a function literal in Register`
		c.Get("http://a")
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		go func() {
			c := &http.Client{Transport: &http.Transport{}} // want `created on every request handled by a function literal in Register`
			c.Get("http://b")
		}()
	})
	mux.Handle("/c", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tr := &http.Transport{}   // want `created on every request handled by a function literal in Register`
		tr.CloseIdleConnections() // closed, but still no reuse
		tr.RoundTrip(r)
	}))
	http.HandleFunc("/d", handle)
	http.HandleFunc("/e", handleGood)

	// Good: one client for every request to the handler.
	c := &http.Client{Transport: &http.Transport{}}
	mux.HandleFunc("/f", func(w http.ResponseWriter, r *http.Request) {
		c.Get("http://f")
	})
}

// Factory makes the transport once; the handler it returns reuses it.
func Factory(url string) http.HandlerFunc {
	c := &http.Client{Transport: &http.Transport{}}
	return func(w http.ResponseWriter, r *http.Request) {
		c.Get(url)
	}
}

// FactoryBad makes the transport inside the handler it returns.
func FactoryBad(url string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &http.Client{Transport: &http.Transport{}} // want `created on every request handled by a function literal in FactoryBad`
		c.Get(url)
	}
}

func fetch(url string) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to fetch`
	c.Get(url)
}

func handleViaHelper(w http.ResponseWriter, r *http.Request) {
	fetch(r.URL.String())
}

// A handler that fans out to many backends still makes a transport per
// request.
func fanOut(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every request handled by fanOut`
	for _, b := range []string{"http://a", "http://b"} {
		c.Get(b)
	}
}
