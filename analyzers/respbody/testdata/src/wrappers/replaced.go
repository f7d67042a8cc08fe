package wrappers

import (
	"bytes"
	"io"
	"net/http"
)

// reply is the response under a name of the package's own, as some
// request builders declare it: its Body is the response's.
type reply *http.Response

type agent struct {
	c     *http.Client
	req   *http.Request
	retry int
}

// fetchBuffered reads the body to EOF, closes it, and gives the response a
// body in memory, so that callers can read it again: the response it
// returns holds no connection.
func (a *agent) fetchBuffered() (reply, []byte, error) {
	var resp reply
	resp, err := a.c.Do(a.req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, b, nil
}

func (a *agent) endBuffered() (reply, []byte, error) {
	for {
		resp, b, err := a.fetchBuffered()
		if err != nil {
			return nil, nil, err
		}
		if resp.StatusCode < 500 || a.retry == 0 {
			return resp, b, nil
		}
		a.retry--
	}
}

func (a *agent) statusBuffered() (int, error) {
	resp, _, err := a.fetchBuffered()
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// The twin whose replacement wraps the open body itself: the response
// still holds the connection.
func (a *agent) fetchWrapped() (*http.Response, error) {
	resp, err := a.c.Do(a.req)
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(io.LimitReader(resp.Body, 1<<20))
	return resp, nil
}

func (a *agent) statusWrapped() (int, error) {
	resp, err := a.fetchWrapped() // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// The twin that replaces the body on one path only.
func (a *agent) fetchSometimes(keep bool) (*http.Response, error) {
	resp, err := a.c.Do(a.req)
	if err != nil {
		return nil, err
	}
	if keep {
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(bytes.NewReader(b))
	}
	return resp, nil
}

func (a *agent) statusSometimes() (int, error) {
	resp, err := a.fetchSometimes(false) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// keep true takes only the path that replaces the body: every return of
// the network's body lies past keep false (a guard; see guard.go).
func (a *agent) statusKept() (int, error) {
	resp, err := a.fetchSometimes(true)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
