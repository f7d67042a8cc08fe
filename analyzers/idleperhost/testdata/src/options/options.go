// Package options: transports configured through functional options.
package options

import (
	"net/http"
	"sync"
)

type Option func(*http.Transport)

// WithIdlePerHost raises the per-host idle limit.
func WithIdlePerHost(n int) Option { return func(t *http.Transport) { t.MaxIdleConnsPerHost = n } }

func newTransport(opts ...Option) *http.Transport {
	tr := &http.Transport{MaxIdleConns: 100} // want `http.Transport sets MaxIdleConns to 100 but keeps 2 idle connections per host, and every request goes to the base URL in Store.endpoint`
	for _, o := range opts {
		o(tr)
	}
	return tr
}

// NewHTTPClient takes options from its callers; the package's own call
// passes none, so its store keeps 2 idle connections per host.
func NewHTTPClient(opts ...Option) *http.Client {
	return &http.Client{Transport: newTransport(opts...)}
}

type Store struct {
	endpoint string
	http     *http.Client
}

func NewStore(endpoint string) *Store { return &Store{endpoint: endpoint, http: NewHTTPClient()} }

func (s *Store) PutAll(keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Go(func() {
			if resp, err := s.http.Get(s.endpoint + "/" + k); err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// The same shape, but the package's own call passes an option: what the
// option does is not followed, so the transport is left alone.
func newTunedTransport(opts ...Option) *http.Transport {
	tr := &http.Transport{MaxIdleConns: 100}
	for _, o := range opts {
		o(tr)
	}
	return tr
}

type TunedStore struct {
	endpoint string
	http     *http.Client
}

func NewTunedStore(endpoint string) *TunedStore {
	return &TunedStore{endpoint: endpoint, http: &http.Client{Transport: newTunedTransport(WithIdlePerHost(64))}}
}

func (s *TunedStore) PutAll(keys []string) {
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Go(func() {
			if resp, err := s.http.Get(s.endpoint + "/" + k); err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}
