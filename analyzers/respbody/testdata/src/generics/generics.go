package generics

import (
	"encoding/json"
	"io"
	"net/http"
)

func decode[T any](resp *http.Response) (T, error) {
	defer resp.Body.Close()
	var v T
	err := json.NewDecoder(resp.Body).Decode(&v)
	_, _ = io.Copy(io.Discard, resp.Body)
	return v, err
}

func getJSON[T any](c *http.Client, u string) (T, error) {
	resp, err := c.Get(u)
	if err != nil {
		var zero T
		return zero, err
	}
	return decode[T](resp)
}

func peek[T any](resp *http.Response) T {
	var v T
	_ = json.NewDecoder(resp.Body).Decode(&v)
	return v
}

func getJSONLeak[T any](c *http.Client, u string) (T, error) {
	resp, err := c.Get(u) // want `resp.Body is not closed`
	if err != nil {
		var zero T
		return zero, err
	}
	return peek[T](resp), nil
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func useMust(u string) {
	resp := must(http.Get(u))
	defer resp.Body.Close()
	_, _ = io.ReadAll(resp.Body)
}

type Doer[R any] interface {
	Do(*http.Request) (*http.Response, error)
}

func viaGenericInterface[R any](d Doer[R], req *http.Request) int {
	resp, err := d.Do(req) // want `resp.Body is not closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func users() {
	_, _ = getJSON[[]string](http.DefaultClient, "http://x")
	_, _ = getJSONLeak[int](http.DefaultClient, "http://x")
	useMust("http://x")
}
