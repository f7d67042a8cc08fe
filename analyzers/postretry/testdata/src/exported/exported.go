// Package exported sends its requests through an exported helper that
// runs Client.Do in a goroutine: the helper's request parameter is
// resolved through the package's own calls of it.
package exported

import (
	"bytes"
	"context"
	"net/http"
)

var client = &http.Client{}

// Send is the package's helper; callers elsewhere may use it too.
func Send(ctx context.Context, req *http.Request) (*http.Response, error) {
	type result struct {
		resp *http.Response
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		resp, err := client.Do(req.WithContext(ctx)) // want `POST via Client\.Do is not retried`
		ch <- result{resp, err}
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-ch:
		return r.resp, r.err
	}
}

func Store(ctx context.Context, u string, data []byte) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
	if err != nil {
		return err
	}
	resp, err := Send(ctx, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same helper shape, whose package calls are all retried.
func SendGood(ctx context.Context, req *http.Request) (*http.Response, error) {
	done := make(chan struct{})
	var resp *http.Response
	var err error
	go func() {
		defer close(done)
		resp, err = client.Do(req.WithContext(ctx))
	}()
	<-done
	return resp, err
}

func StoreGood(ctx context.Context, u string, data []byte) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, rerr := http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
		if rerr != nil {
			return rerr
		}
		var resp *http.Response
		if resp, err = SendGood(ctx, req); err == nil {
			return resp.Body.Close()
		}
	}
	return err
}

// The package only sends GETs through it: quiet.
func Fetch(ctx context.Context, req *http.Request) (*http.Response, error) {
	return client.Do(req.WithContext(ctx))
}

func Get(ctx context.Context, u string) error {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := Fetch(ctx, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// No call in the package: nothing to resolve, quiet.
func Forward(req *http.Request) (*http.Response, error) { return client.Do(req) }
