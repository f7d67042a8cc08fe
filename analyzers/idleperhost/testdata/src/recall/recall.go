// Package recall holds the shapes of real fixes that idleperhost missed.
package recall

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"sync"
)

// An exported constructor returns a struct of the package; its methods
// send every request to the url.URL base held next to the client.
type Registry struct {
	base *url.URL
	hc   *http.Client
}

func NewRegistry(base *url.URL) *Registry {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in Registry.base`
	return &Registry{base: base, hc: &http.Client{Transport: t}}
}

func (r *Registry) Manifest(name string) (*http.Response, error) {
	u := r.base.ResolveReference(&url.URL{Path: "/v2/" + name + "/manifests"})
	return r.hc.Get(u.String())
}

func (r *Registry) Blob(name string) (*http.Response, error) {
	return r.hc.Get(r.base.JoinPath("v2", name, "blobs").String())
}

// The good twin keeps more idle connections per host.
type Mirror struct {
	base *url.URL
	hc   *http.Client
}

func NewMirror(base *url.URL) *Mirror {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return &Mirror{base: base, hc: &http.Client{Transport: t}}
}

func (m *Mirror) Manifest(name string) (*http.Response, error) {
	return m.hc.Get(m.base.JoinPath("v2", name).String())
}

// A string base joined with path.Join and fmt.Sprintf.
type Store struct {
	endpoint string
	hc       *http.Client
}

func NewStore(endpoint string) *Store {
	return &Store{endpoint: endpoint, hc: &http.Client{Transport: &http.Transport{}}} // want `every request goes to the base URL in Store.endpoint`
}

func (s *Store) Get(key string) (*http.Response, error) {
	return s.hc.Get(path.Join(s.endpoint, "objects", key))
}

func (s *Store) Stat(key string) (*http.Response, error) {
	return s.hc.Head(fmt.Sprintf("%s/objects/%s", s.endpoint, key))
}

// A package variable base, and requests from worker goroutines.
var apiBase = "https://api.example.com"

var client = &http.Client{Transport: &http.Transport{}} // want `every request goes to`

func FetchAll(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			resp, err := client.Get(apiBase + "/items/" + id)
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// MaxConnsPerHost raised with MaxIdleConnsPerHost left at 0: a mistake
// whatever the hosts.
func NewCrawler() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: 16}} // want `http.Transport sets MaxConnsPerHost to 16 but keeps 2 idle connections per host \(`
}

func NewCrawlerGood() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: 16, MaxIdleConnsPerHost: 16}}
}

// MaxConnsPerHost at 2 or below plans for no more than are kept idle.
func NewCrawlerSmall() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: 2}}
}

// MaxConnsPerHost from a configuration (beast#43): the value is the
// user's, planned above 2 unless the package shows otherwise, and the
// idle pool per host stays at 2 whatever it is.
type RunConfig struct {
	MaxConnections int
	MaxIdle        int
}

func NewRunner(cfg *RunConfig) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: cfg.MaxConnections}} // want `http.Transport sets MaxConnsPerHost from cfg.MaxConnections but keeps 2 idle connections per host \(`
}

func NewRunnerGood(cfg *RunConfig) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: cfg.MaxConnections, MaxIdleConnsPerHost: cfg.MaxConnections}}
}

// Every caller in the package passes a limit of 2 or below: quiet.
func limited(n int) *http.Transport {
	t := &http.Transport{}
	t.MaxConnsPerHost = n
	return t
}

func NewSerial() *http.Client { return &http.Client{Transport: limited(1)} }

func NewPair() *http.Client { return &http.Client{Transport: limited(2)} }

// A caller passing more than 2 makes it a mistake.
func raisedBy(n int) *http.Transport {
	t := &http.Transport{} // want `http.Transport sets MaxConnsPerHost to 8 but keeps 2 idle connections per host \(`
	t.MaxConnsPerHost = n
	return t
}

func NewWide() *http.Client { return &http.Client{Transport: raisedBy(8)} }

// MaxIdleConns at 2 or below caps the idle pool below the per-host limit:
// more per host would not be kept, and the author chose so.
func NewCapped(cfg *RunConfig) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: 16, MaxIdleConns: 1}}
}

func NewCappedConfigured(cfg *RunConfig) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: cfg.MaxConnections, MaxIdleConns: 1}}
}

// Idle connections kept on purpose never: quiet.
func NewNoIdle() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: 16, MaxIdleConnsPerHost: -1}}
}

// A crawler without raised limits fans out to many hosts: quiet.
type Crawler struct{ hc *http.Client }

func NewCrawler2() *Crawler { return &Crawler{hc: &http.Client{Transport: &http.Transport{}}} }

func (c *Crawler) Fetch(target string) (*http.Response, error) { return c.hc.Get(target) }

// MaxIdleConns raised above DefaultTransport's 100, one host.
type Metrics struct {
	base string
	hc   *http.Client
}

func NewMetrics(base string) *Metrics {
	return &Metrics{base: base, hc: &http.Client{Transport: &http.Transport{MaxIdleConns: 500}}} // want `http.Transport sets MaxIdleConns to 500 but keeps 2 idle connections per host, and every request goes to the base URL in Metrics.base`
}

func (m *Metrics) Push(body string) (*http.Response, error) { return m.hc.Get(m.base + "/push") }

// An exported function returns the client; the package's own
// constructor keeps it next to the base.
func NewHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `every request goes to the base URL in Service.base`
	t.MaxIdleConns = 200
	return &http.Client{Transport: t}
}

type Service struct {
	base string
	hc   *http.Client
}

func NewService(base string) *Service { return &Service{base: base, hc: NewHTTPClient()} }

func (s *Service) Ping() (*http.Response, error) { return s.hc.Get(s.base + "/ping") }

// Good twins of the shapes above.

// A reference with its own host leaves the base: many hosts.
type Proxy struct {
	base *url.URL
	hc   *http.Client
}

func NewProxy(base *url.URL) *Proxy {
	return &Proxy{base: base, hc: &http.Client{Transport: &http.Transport{}}}
}

func (p *Proxy) Forward(target *url.URL) (*http.Response, error) {
	return p.hc.Get(p.base.ResolveReference(target).String())
}

func (p *Proxy) Redirect(loc string) (*http.Response, error) {
	u, err := p.base.Parse("https://" + loc)
	if err != nil {
		return nil, err
	}
	return p.hc.Get(u.String())
}

// path.Join whose first element is the request's own URL.
type Fetcher struct{ hc *http.Client }

func NewFetcher() *Fetcher { return &Fetcher{hc: &http.Client{Transport: &http.Transport{}}} }

func (f *Fetcher) Get(site, key string) (*http.Response, error) {
	return f.hc.Get(path.Join(site, key))
}

// Workers that fetch each item's own URL: many hosts.
var crawlClient = &http.Client{Transport: &http.Transport{}}

func CrawlAll(urls []string) {
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Go(func() {
			resp, err := crawlClient.Get(u)
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// An exported function whose client nothing in the package uses: its
// callers, elsewhere, decide where requests go.
func NewPlainClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 200
	return &http.Client{Transport: t}
}
