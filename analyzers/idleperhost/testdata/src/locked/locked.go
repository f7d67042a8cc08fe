// Package locked: token providers that send to one host under a mutex
// held around the send (the OCI SDK's workload identity federation
// client), so that one request is in flight at a time.
package locked

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

type Provider interface {
	Token() (string, error)
}

// federation renews its token under c.mux, held by every exported method
// that can reach the send: one request at a time.
type federation struct {
	endpoint   string
	httpClient *http.Client
	mux        sync.Mutex
	token      string
}

func NewFederation(endpoint string) Provider {
	c := &federation{endpoint: endpoint}
	c.httpClient = newHTTPClient()
	return c
}

func newHTTPClient() *http.Client {
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{},
	}
}

func (c *federation) client() *http.Client {
	if c.httpClient == nil {
		c.httpClient = newHTTPClient()
	}
	return c.httpClient
}

func (c *federation) fetch() (string, error) {
	req, err := http.NewRequest(http.MethodPost, c.endpoint, bytes.NewBufferString("{}"))
	if err != nil {
		return "", err
	}
	resp, err := c.client().Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

func (c *federation) renewIfNeeded() error {
	if c.token != "" {
		return nil
	}
	t, err := c.fetch()
	c.token = t
	return err
}

func (c *federation) Token() (string, error) {
	c.mux.Lock()
	defer c.mux.Unlock()
	if err := c.renewIfNeeded(); err != nil {
		return "", err
	}
	return c.token, nil
}

func (c *federation) Claim(key string) (string, error) {
	c.mux.Lock()
	defer c.mux.Unlock()
	if err := c.renewIfNeeded(); err != nil {
		return "", err
	}
	return key + c.token, nil
}

// unguarded is federation with one exported method that renews without
// the mutex: concurrent callers of Refresh send together.
type unguarded struct {
	endpoint   string
	httpClient *http.Client
	mux        sync.Mutex
	token      string
}

func NewUnguarded(endpoint string) *unguarded {
	return &unguarded{endpoint: endpoint, httpClient: &http.Client{Transport: &http.Transport{}}} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in unguarded.endpoint`
}

func (c *unguarded) fetch() (string, error) {
	resp, err := c.httpClient.Post(c.endpoint, "application/json", nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

func (c *unguarded) Token() (string, error) {
	c.mux.Lock()
	defer c.mux.Unlock()
	return c.fetch()
}

func (c *unguarded) Refresh() (string, error) {
	return c.fetch()
}

// released unlocks before it sends: the lock guards the token only.
type released struct {
	endpoint   string
	httpClient *http.Client
	mux        sync.Mutex
	token      string
}

func NewReleased(endpoint string) *released {
	return &released{endpoint: endpoint, httpClient: &http.Client{Transport: &http.Transport{}}} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in released.endpoint`
}

func (c *released) Token() (string, error) {
	c.mux.Lock()
	t := c.token
	c.mux.Unlock()
	if t != "" {
		return t, nil
	}
	resp, err := c.httpClient.Get(c.endpoint)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status, nil
}

// pkgLock serializes every send of the package through one package
// variable.
var (
	pkgMu     sync.Mutex
	pkgClient = &http.Client{Transport: &http.Transport{}}
)

func Ping() error {
	pkgMu.Lock()
	defer pkgMu.Unlock()
	resp, err := pkgClient.Get("http://metadata.internal/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// sharedClient is one package-level client used by every instance, each
// with its own mutex: instances send together.
var sharedClient = &http.Client{Transport: &http.Transport{}} // want `http.Transport keeps 2 idle connections per host but every request goes to metadata.internal`

type instance struct {
	mux sync.Mutex
}

func (i *instance) Ping() error {
	i.mux.Lock()
	defer i.mux.Unlock()
	resp, err := sharedClient.Get("http://metadata.internal/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
