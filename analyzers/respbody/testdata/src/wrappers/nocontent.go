package wrappers

import (
	"context"
	"errors"
	"io"
	"net/http"
)

type restAPI struct {
	c    *http.Client
	base string
}

// send closes the body and hands back nil for 204 No Content, and the
// body otherwise. That the helper expects bodiless answers says nothing
// about what one endpoint answers: a caller that drops the result of a
// 200 or 201 with a body leaks it, so the discard is still reported.
func (a *restAPI) send(ctx context.Context, method, path string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := a.c.Do(req)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusNoContent:
		resp.Body.Close()
		return nil, nil
	case resp.StatusCode >= 400:
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp.Body, nil
}

func (a *restAPI) markRead(ctx context.Context) error {
	_, err := a.send(ctx, http.MethodPut, "/read") // want `the response of a.send is discarded`
	return err
}

// The twin that drains and closes what it is given.
func (a *restAPI) markReadClosed(ctx context.Context) error {
	body, err := a.send(ctx, http.MethodPut, "/read")
	if body != nil {
		_, _ = io.Copy(io.Discard, body)
		body.Close()
	}
	return err
}
