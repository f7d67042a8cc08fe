package wrappers

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

type restAPI struct {
	c    *http.Client
	base string
}

// send closes the body and hands back nil for 204 No Content, and the
// body otherwise (miniflux's client). The helper's author knows the API
// answers some requests with no content, and a caller that drops its
// result is one of them: quiet. (Dropping a 201 with a body would leak
// it; the code cannot tell the two apart, and on miniflux fourteen of the
// fifteen drops were 204s.)
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
	_, err := a.send(ctx, http.MethodPut, "/read")
	return err
}

// sendAny hands back the body of every answer below 400: nothing says
// any request is answered without one.
func (a *restAPI) sendAny(ctx context.Context, method, path string) (io.ReadCloser, error) {
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := a.c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp.Body, nil
}

func (a *restAPI) markReadAny(ctx context.Context) error {
	_, err := a.sendAny(ctx, http.MethodPut, "/read") // want `the response of a.sendAny is discarded`
	return err
}

// A wrapper of send hands its no-content answer on.
func (a *restAPI) put(ctx context.Context, path string) (io.ReadCloser, error) {
	return a.send(ctx, http.MethodPut, path)
}

func (a *restAPI) markStarred(ctx context.Context) error {
	_, err := a.put(ctx, "/star")
	return err
}

// A nil body with an error on a 204 is not "no content": the discard
// is reported.
func (a *restAPI) sendStrict(ctx context.Context, path string) (io.ReadCloser, error) {
	resp, err := a.c.Get(a.base + path)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNoContent {
		resp.Body.Close()
		return nil, errors.New("no content")
	}
	return resp.Body, nil
}

func (a *restAPI) fetchStrict(ctx context.Context) error {
	_, err := a.sendStrict(ctx, "/x") // want `the response of a.sendStrict is discarded`
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

// With a defer in the helper, its results live in variables until the
// deferred calls ran: the 204 case still hands back nil, nil.
func (a *restAPI) sendDecoding(ctx context.Context, path string) (io.ReadCloser, error) {
	resp, err := a.c.Get(a.base + path)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusBadRequest:
		defer resp.Body.Close()
		var msg struct{ Error string }
		if err := json.NewDecoder(resp.Body).Decode(&msg); err != nil {
			return nil, err
		}
		return nil, errors.New(msg.Error)
	case http.StatusNoContent:
		resp.Body.Close()
		return nil, nil
	}
	return resp.Body, nil
}

func (a *restAPI) refresh(ctx context.Context) error {
	_, err := a.sendDecoding(ctx, "/refresh")
	return err
}

// A bare return hands back what the results hold where it is reached:
// rc is the body, stored before the 204 check, on the path where keep
// is set, and the helper may hand back the open body with a nil error
// there. It says no "no content", and the discard is reported.
func (a *restAPI) sendKeeping(ctx context.Context, path string, keep bool) (rc io.ReadCloser, err error) {
	defer a.c.CloseIdleConnections()
	resp, err := a.c.Get(a.base + path)
	if err != nil {
		return nil, err
	}
	rc = resp.Body
	if resp.StatusCode == http.StatusNoContent {
		if !keep {
			resp.Body.Close()
			rc = nil
		}
		err = nil
		return
	}
	return
}

func (a *restAPI) fetchKeeping(ctx context.Context) error {
	_, err := a.sendKeeping(ctx, "/x", true) // want `the response of a.sendKeeping is discarded`
	return err
}

// A wrapper that turns send's nil body into an error never answers nil,
// nil: its callers' drops are reported.
func (a *restAPI) putBody(ctx context.Context, path string) (io.ReadCloser, error) {
	rc, err := a.send(ctx, http.MethodPut, path)
	if err != nil {
		return nil, err
	}
	if rc == nil {
		return nil, errors.New("no body")
	}
	return rc, nil
}

func (a *restAPI) flush(ctx context.Context) error {
	_, err := a.putBody(ctx, "/flush") // want `the response of a.putBody is discarded`
	return err
}
