// Package generics makes transports in generic code.
package generics

import (
	"encoding/json"
	"net/http"
)

func GetJSON[T any](url string) (T, error) {
	var v T
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to GetJSON`
	resp, err := c.Get(url)
	if err != nil {
		return v, err
	}
	defer resp.Body.Close()
	return v, json.NewDecoder(resp.Body).Decode(&v)
}

type Fetcher[T any] struct {
	client *http.Client
}

func NewFetcher[T any]() *Fetcher[T] {
	return &Fetcher[T]{client: &http.Client{Transport: &http.Transport{}}}
}

func (f *Fetcher[T]) Get(url string) (*http.Response, error) { return f.client.Get(url) }

func (f *Fetcher[T]) GetFresh(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `created on every call to Fetcher.GetFresh`
	return c.Get(url)
}

func newClient[T any]() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

func handle(w http.ResponseWriter, r *http.Request) {
	newClient[int]().Get("http://backend") // want `newClient\(\) creates an http.Transport on every request handled by handle`
}

var shared = newClient[string]()

func handleGood(w http.ResponseWriter, r *http.Request) {
	shared.Get("http://backend")
}

type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

func send[D Doer](d D, r *http.Request) { d.Do(r) }

func handleGeneric(w http.ResponseWriter, r *http.Request) {
	send(&http.Client{Transport: &http.Transport{}}, r) // handed to a type-parameter method: not followed
}
