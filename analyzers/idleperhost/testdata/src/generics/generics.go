package generics

import (
	"context"
	"encoding/json"
	"net/http"
)

// A generic API client: the base URL is next to the client.
type API[T any] struct {
	base string
	c    *http.Client
}

func New[T any](base string) *API[T] {
	return &API[T]{base: base, c: &http.Client{Transport: &http.Transport{}}} // want `every request goes to the base URL in API.base`
}

func (a *API[T]) Get(ctx context.Context, id string) (T, error) {
	var v T
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.base+"/"+id, nil)
	if err != nil {
		return v, err
	}
	resp, err := a.c.Do(req)
	if err != nil {
		return v, err
	}
	defer resp.Body.Close()
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

type Tuned[T any] struct {
	base string
	c    *http.Client
}

func NewTuned[T any](base string) *Tuned[T] {
	return &Tuned[T]{base: base, c: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 50}}}
}

func (a *Tuned[T]) Get(id string) (*http.Response, error) { return a.c.Get(a.base + "/" + id) }

// A generic helper sends to the URL its one caller gives.
func fetch[T any](c *http.Client, u string) (T, error) {
	var v T
	resp, err := c.Get(u)
	if err != nil {
		return v, err
	}
	defer resp.Body.Close()
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

var status = &http.Client{Transport: &http.Transport{}} // want `every request goes to status.internal `

func Status() (map[string]any, error) {
	return fetch[map[string]any](status, "http://status.internal/v1")
}
