package fields

import (
	"context"
	"net/http"
	"os"
	"strings"
)

// An API client: the base URL is stored next to the client and every
// request is built from it.
type Inventory struct {
	baseURL string
	http    *http.Client
}

func NewInventory(baseURL string) *Inventory {
	return &Inventory{
		baseURL: strings.TrimSuffix(baseURL, "/"),
		http: &http.Client{
			Transport: &http.Transport{MaxIdleConns: 100}, // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to the base URL in Inventory.baseURL`
		},
	}
}

func (c *Inventory) Item(ctx context.Context, id string) (*http.Response, error) {
	return c.do(ctx, http.MethodGet, "/items/"+id)
}

func (c *Inventory) Delete(ctx context.Context, id string) (*http.Response, error) {
	return c.do(ctx, http.MethodDelete, "/items/"+id)
}

// do is unexported and has no unseen callers: its path parameter only
// extends the base.
func (c *Inventory) do(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := c.newRequest(ctx, method, path)
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

func (c *Inventory) newRequest(ctx context.Context, method, path string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, c.baseURL+path, nil)
}

// The good twin sets MaxIdleConnsPerHost.
type Billing struct {
	baseURL string
	http    *http.Client
}

func NewBilling(baseURL string) *Billing {
	return &Billing{
		baseURL: baseURL,
		http:    &http.Client{Transport: &http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: 100}},
	}
}

func (c *Billing) Invoice(id string) (*http.Response, error) {
	return c.http.Get(c.baseURL + "/invoices/" + id)
}

// The transport is stored next to the base and the client is built later.
type Search struct {
	endpoint string
	tr       *http.Transport
}

func NewSearch(endpoint string) *Search {
	s := &Search{endpoint: endpoint}
	s.tr = &http.Transport{MaxConnsPerHost: 20} // want `http.Transport sets MaxConnsPerHost to 20 but keeps 2 idle connections per host, and every request goes to the base URL in Search.endpoint`
	return s
}

func (s *Search) Query(q string) (*http.Response, error) {
	c := &http.Client{Transport: s.tr}
	return c.Get(s.endpoint + "/_search?q=" + q)
}

// A crawler: the struct holds a client but the URLs come from callers.
type Crawler struct {
	client *http.Client
	seen   map[string]bool
}

func NewCrawler() *Crawler {
	return &Crawler{client: &http.Client{Transport: &http.Transport{}}, seen: map[string]bool{}}
}

func (c *Crawler) Visit(u string) (*http.Response, error) {
	c.seen[u] = true
	return c.client.Get(u)
}

// A base URL field of another struct (a test server, say) is not stored
// next to the client.
type Peer struct{ URL string }

type Prober struct{ c *http.Client }

func NewProber() *Prober { return &Prober{c: &http.Client{Transport: &http.Transport{}}} }

func (p *Prober) probe(peer *Peer) (*http.Response, error) { return p.c.Get(peer.URL + "/health") }

func (p *Prober) Run(peers []*Peer) {
	for _, peer := range peers {
		p.probe(peer)
	}
}

// One transport shared by holders of different bases: several hosts, but
// each holder sends all its requests to its own, which keeps 2 idle
// connections like any other.
type Shard struct {
	base string
	c    *http.Client
}

func newShard(base string, c *http.Client) *Shard { return &Shard{base: base, c: c} }

func Shards(bases []string) []*Shard {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in Shard.base`
	var shards []*Shard
	for _, b := range bases {
		shards = append(shards, newShard(b, c))
	}
	return shards
}

func (s *Shard) Get(key string) (*http.Response, error) { return s.c.Get(s.base + "/" + key) }

// A package-level base URL and client.
var (
	metricsURL    = os.Getenv("METRICS_URL")
	metricsClient = &http.Client{Transport: &http.Transport{}} // want `every request goes to the base URL in metricsURL`
)

func Push(body string) (*http.Response, error) {
	return metricsClient.Post(metricsURL+"/push", "text/plain", strings.NewReader(body))
}
