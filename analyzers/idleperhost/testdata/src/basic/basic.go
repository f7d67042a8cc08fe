package basic

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Every request goes to one constant host.
func constantHost() {
	tr := &http.Transport{} // want `http.Transport keeps 2 idle connections per host but every request goes to inventory.internal:8080 \(connections beyond 2 are closed after each burst: TIME_WAIT churn\)`
	c := &http.Client{Transport: tr}
	c.Get("http://inventory.internal:8080/items")
	c.Post("http://inventory.internal:8080/items", "application/json", strings.NewReader("{}"))
}

func constantHostGood() {
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	c := &http.Client{Transport: tr}
	c.Get("http://inventory.internal:8080/items")
}

// A constant prefix names the host; the rest is a path.
func prefixed(ids []string) {
	c := &http.Client{Transport: &http.Transport{}} // want `every request goes to inventory.internal:8080 `
	for _, id := range ids {
		c.Get("http://inventory.internal:8080/items/" + id)
	}
}

func prefixedGood(ids []string) {
	t := &http.Transport{}
	t.MaxIdleConnsPerHost = len(ids)
	c := &http.Client{Transport: t}
	for _, id := range ids {
		c.Get("http://inventory.internal:8080/items/" + id)
	}
}

// Requests built with NewRequest, Sprintf, url.Parse and url.JoinPath.
func built(ctx context.Context, id int) {
	c := http.Client{Transport: new(http.Transport)} // want `every request goes to api.example.com `
	req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("https://api.example.com/v1/items/%d", id), nil)
	c.Do(req)
	u, _ := url.Parse("https://api.example.com/v1")
	req2, _ := http.NewRequest("GET", u.JoinPath("orders").String(), nil)
	c.Do(req2.WithContext(ctx))
	p, _ := url.JoinPath("https://api.example.com", "health")
	c.Head(p)
}

// Two hosts: the per-host limit matters less.
func twoHosts() {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("http://inventory.internal:8080/items")
	c.Get("http://billing.internal:8080/invoices")
}

// The request is pointed elsewhere after it is built.
func rewritten(host string) {
	c := &http.Client{Transport: &http.Transport{}}
	req, _ := http.NewRequest("GET", "http://inventory.internal:8080/items", nil)
	req.URL.Host = host
	c.Do(req)
}

// A constant prefix that ends inside the host does not name it.
func partialHost(region string) {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get("https://api." + region + ".example.com/items")
	c.Get(fmt.Sprintf("http://%s/items", region))
}

// RoundTrip on the transport itself.
func roundTrip() {
	tr := &http.Transport{} // want `every request goes to localhost:9000 `
	req, _ := http.NewRequest("GET", "http://localhost:9000/metrics", nil)
	tr.RoundTrip(req)
	tr.CloseIdleConnections()
}

// A URL literal.
func urlLiteral() {
	tr := &http.Transport{} // want `every request goes to search:9200 `
	c := &http.Client{Transport: tr}
	u := &url.URL{Scheme: "http", Host: "search:9200", Path: "/_bulk"}
	c.Post(u.String(), "application/json", nil)
}

// A clone of DefaultTransport keeps 2 per host as well.
func cloned() {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `every request goes to inventory.internal:8080 `
	c := &http.Client{Transport: t}
	c.Get("http://inventory.internal:8080/items")
}

func clonedGood() {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	c := &http.Client{Transport: t}
	c.Get("http://inventory.internal:8080/items")
}

// Through helpers of the package: the URL comes from the one caller.
func helpers() {
	c := newClient()
	fetch(c, "http://inventory.internal:8080/items")
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
