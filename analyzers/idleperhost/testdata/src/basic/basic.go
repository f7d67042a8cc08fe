package basic

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Every request of a long-lived client goes to one constant host.
var inventory = &http.Client{
	Transport: &http.Transport{}, // want `http.Transport keeps 2 idle connections per host but every request goes to inventory.internal:8080 \(connections beyond 2 are closed after each burst: TIME_WAIT churn\)`
}

func List() (*http.Response, error) { return inventory.Get("http://inventory.internal:8080/items") }

func Add() (*http.Response, error) {
	return inventory.Post("http://inventory.internal:8080/items", "application/json", strings.NewReader("{}"))
}

var inventoryGood = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}

func ListGood() (*http.Response, error) {
	return inventoryGood.Get("http://inventory.internal:8080/items")
}

// A transport made for one request has no pool to speak of.
func oneShot() {
	tr := &http.Transport{}
	c := &http.Client{Transport: tr}
	c.Get("http://inventory.internal:8080/items")
	c.Get("http://inventory.internal:8080/items/1")
}

// A constant prefix names the host; the rest is a path.
func prefixed(ids []string) {
	c := &http.Client{Transport: &http.Transport{}} // want `every request goes to inventory.internal:8080 `
	for _, id := range ids {
		go c.Get("http://inventory.internal:8080/items/" + id)
	}
}

// Requests one after another reuse one idle connection.
func sequentialLoop(ids []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, id := range ids {
		c.Get("http://inventory.internal:8080/items/" + id)
	}
}

func prefixedGood(ids []string) {
	t := &http.Transport{}
	t.MaxIdleConnsPerHost = len(ids)
	c := &http.Client{Transport: t}
	for _, id := range ids {
		go c.Get("http://inventory.internal:8080/items/" + id)
	}
}

// Requests built with NewRequest, Sprintf, url.Parse and url.JoinPath.
func built(ctx context.Context, ids []int) {
	c := http.Client{Transport: new(http.Transport)} // want `every request goes to api.example.com `
	for _, id := range ids {
		req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("https://api.example.com/v1/items/%d", id), nil)
		go c.Do(req)
	}
	u, _ := url.Parse("https://api.example.com/v1")
	req2, _ := http.NewRequest("GET", u.JoinPath("orders").String(), nil)
	c.Do(req2.WithContext(ctx))
	p, _ := url.JoinPath("https://api.example.com", "health")
	c.Head(p)
}

// Two hosts: the per-host limit matters less.
func twoHosts() {
	c := &http.Client{Transport: &http.Transport{}}
	for {
		c.Get("http://inventory.internal:8080/items")
		c.Get("http://billing.internal:8080/invoices")
	}
}

// The request is pointed elsewhere after it is built.
func rewritten(hosts []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, host := range hosts {
		req, _ := http.NewRequest("GET", "http://inventory.internal:8080/items", nil)
		req.URL.Host = host
		c.Do(req)
	}
}

// A constant prefix that ends inside the host does not name it.
func partialHost(regions []string) {
	c := &http.Client{Transport: &http.Transport{}}
	for _, region := range regions {
		c.Get("https://api." + region + ".example.com/items")
		c.Get(fmt.Sprintf("http://%s/items", region))
	}
}

// RoundTrip on the transport itself.
func roundTrip(n int) {
	tr := &http.Transport{} // want `every request goes to localhost:9000 `
	for range n {
		req, _ := http.NewRequest("GET", "http://localhost:9000/metrics", nil)
		go tr.RoundTrip(req)
	}
	tr.CloseIdleConnections()
}

// A URL literal.
type indexer struct{ c *http.Client }

func newIndexer() *indexer {
	tr := &http.Transport{} // want `every request goes to search:9200 `
	return &indexer{c: &http.Client{Transport: tr}}
}

func (ix *indexer) bulk() {
	u := &url.URL{Scheme: "http", Host: "search:9200", Path: "/_bulk"}
	ix.c.Post(u.String(), "application/json", nil)
}

// A clone of DefaultTransport keeps 2 per host as well.
func cloned() func() {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `every request goes to inventory.internal:8080 `
	c := &http.Client{Transport: t}
	return func() { c.Get("http://inventory.internal:8080/items") }
}

func clonedGood() func() {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	c := &http.Client{Transport: t}
	return func() { c.Get("http://inventory.internal:8080/items") }
}

// Through helpers of the package: the URL comes from the one caller, which
// starts it concurrently.
func helpers(n int) {
	c := newClient()
	for range n {
		go fetch(c, "http://inventory.internal:8080/items")
	}
}

func newClient() *http.Client {
	return &http.Client{Transport: &http.Transport{}} // want `every request goes to inventory.internal:8080 `
}

func fetch(c *http.Client, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}
