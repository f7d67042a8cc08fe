// Package bad is the shape of 0chain/gosdk before PR #915: HttpDo sends the
// storage API's POSTs once; when the pooled connection had been closed by
// the blobber, the upload failed with EOF.
package bad

import (
	"bytes"
	"context"
	"net/http"
)

var Client = &http.Client{}

func HttpDo(ctx context.Context, req *http.Request, f func(*http.Response, error) error) error {
	c := make(chan error, 1)
	go func() { c <- f(Client.Do(req.WithContext(ctx))) }()
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
