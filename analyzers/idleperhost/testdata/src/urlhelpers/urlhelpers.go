// Package urlhelpers: requests whose URL comes from a helper of the
// package that joins the client's base URL and a path (a helper that
// names no net/http type), and one transport shared by clients that each
// hold their own base.
package urlhelpers

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"
)

// A string helper joins the base and the path.
type Registry struct {
	base string
	http *http.Client
}

func NewRegistry(base string) *Registry {
	return &Registry{base: base, http: &http.Client{Transport: &http.Transport{}}} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in Registry.base`
}

func (r *Registry) url(format string, args ...any) string {
	return r.base + fmt.Sprintf(format, args...)
}

func (r *Registry) Blob(digest string) (*http.Response, error) {
	return r.http.Get(r.url("/v2/blobs/%s", digest))
}

// A URL helper copies the base URL and sets its path and query: the
// scheme and host stay the base's.
type Bucket struct {
	endpoint *url.URL
	http     *http.Client
}

func NewBucket(endpoint *url.URL) *Bucket {
	return &Bucket{endpoint: endpoint, http: &http.Client{Transport: &http.Transport{MaxIdleConns: 64}}} // want `http.Transport sets MaxIdleConns to 64 but keeps 2 idle connections per host, and every request goes to the base URL in Bucket.endpoint`
}

func (b *Bucket) objectURL(key string, q url.Values) *url.URL {
	u := *b.endpoint
	u.Path = "/" + key
	u.RawQuery = q.Encode()
	return &u
}

func (b *Bucket) Get(key string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, b.objectURL(key, nil).String(), nil)
	if err != nil {
		return nil, err
	}
	return b.http.Do(req)
}

// A copy that moves to another host is not the base: quiet.
type Mirror struct {
	endpoint *url.URL
	http     *http.Client
}

func NewMirror(endpoint *url.URL) *Mirror {
	return &Mirror{endpoint: endpoint, http: &http.Client{Transport: &http.Transport{}}}
}

func (m *Mirror) replicaURL(replica, key string) *url.URL {
	u := *m.endpoint
	u.Host = replica
	u.Path = "/" + key
	return &u
}

func (m *Mirror) Get(replica, key string) (*http.Response, error) {
	return m.http.Get(m.replicaURL(replica, key).String())
}

// A string helper that builds the URL from its own parameters, which
// exported callers choose: any host, quiet.
type Fetcher struct {
	http *http.Client
}

func NewFetcher() *Fetcher { return &Fetcher{http: &http.Client{Transport: &http.Transport{}}} }

func join(host, path string) string { return "https://" + host + path }

func (f *Fetcher) Fetch(host, path string) (*http.Response, error) {
	return f.http.Get(join(host, path))
}

// One transport, a package variable, shared by every client: each client
// sends to its own endpoint, so each endpoint still gets 2 idle
// connections, however many clients there are.
var sharedTransport http.RoundTripper = &http.Transport{MaxIdleConns: 100} // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to the base URL in Store.endpoint`

type Store struct {
	endpoint *url.URL
	http     *http.Client
}

func NewStore(endpoint *url.URL) *Store {
	return &Store{endpoint: endpoint, http: &http.Client{Transport: sharedTransport}}
}

// SetTransport lets a caller bring a transport of its own; until one
// does, the shared one is in use.
func (s *Store) SetTransport(rt http.RoundTripper) { s.http.Transport = rt }

func (s *Store) PutParts(parts []string) {
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Go(func() {
			resp, err := s.http.Get(s.endpoint.JoinPath("parts", p).String())
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// The same shared transport, tuned: quiet.
var tunedTransport http.RoundTripper = &http.Transport{MaxIdleConns: 100, MaxIdleConnsPerHost: 100}

type TunedStore struct {
	endpoint *url.URL
	http     *http.Client
}

func NewTunedStore(endpoint *url.URL) *TunedStore {
	return &TunedStore{endpoint: endpoint, http: &http.Client{Transport: tunedTransport}}
}

func (s *TunedStore) Get(key string) (*http.Response, error) {
	return s.http.Get(s.endpoint.JoinPath(key).String())
}

// A client whose transport is replaced by the package itself before
// any send: quiet.
type Swapped struct {
	endpoint *url.URL
	http     *http.Client
}

func NewSwapped(endpoint *url.URL) *Swapped {
	s := &Swapped{endpoint: endpoint, http: &http.Client{Transport: &http.Transport{}}}
	s.http.Transport = http.DefaultTransport
	return s
}

func (s *Swapped) Get(key string) (*http.Response, error) {
	return s.http.Get(s.endpoint.JoinPath(key).String())
}
