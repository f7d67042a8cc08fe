// Package good is gosdk after PR #915: HttpDo retries a send that failed
// with EOF on a stale connection, rewinding the body with GetBody.
package good

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
)

var Client = &http.Client{}

func send(ctx context.Context, req *http.Request) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := Client.Do(req.WithContext(ctx))
		if err == nil || attempt == 2 || !errors.Is(err, io.EOF) || req.GetBody == nil {
			return resp, err
		}
		body, gerr := req.GetBody()
		if gerr != nil {
			return nil, err
		}
		req.Body = body
	}
}

func HttpDo(ctx context.Context, req *http.Request, f func(*http.Response, error) error) error {
	c := make(chan error, 1)
	go func() { c <- f(send(ctx, req)) }()
	select {
	case <-ctx.Done():
		<-c
		return ctx.Err()
	case err := <-c:
		return err
	}
}

func UploadChunk(ctx context.Context, url string, chunk []byte) error {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(chunk))
	if err != nil {
		return err
	}
	return HttpDo(ctx, req, func(resp *http.Response, err error) error {
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
