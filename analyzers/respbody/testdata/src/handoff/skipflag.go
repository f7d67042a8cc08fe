package handoff

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// A lines iterator that owns the body it is given and closes it when done.
type lines struct {
	sc   *bufio.Scanner
	body io.ReadCloser
}

func newLines(body io.ReadCloser) *lines { return &lines{sc: bufio.NewScanner(body), body: body} }

func (l *lines) Close() error { return l.body.Close() }

// The shape of boxo's routing client: the deferred closure closes the body
// unless a flag says the body was handed to the streaming iterator; every
// other return closes it.
func findRecords(c *http.Client, req *http.Request, stream bool) (*lines, []string, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	skipClose := false
	defer func() {
		if !skipClose {
			resp.Body.Close()
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, errors.New(resp.Status)
	}
	if stream {
		skipClose = true
		return newLines(resp.Body), nil, nil
	}
	var out []string
	err = json.NewDecoder(resp.Body).Decode(&out)
	return nil, out, err
}

// Its bad twin: the flag is set on a path that hands the body to no one.
func findRecordsLeaky(c *http.Client, req *http.Request, stream bool) (*lines, []string, error) {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, nil, err
	}
	skipClose := false
	defer func() {
		if !skipClose {
			resp.Body.Close()
		}
	}()
	if stream {
		skipClose = true
		if resp.StatusCode != http.StatusOK {
			return nil, nil, errors.New(resp.Status)
		}
		return newLines(resp.Body), nil, nil
	}
	var out []string
	err = json.NewDecoder(resp.Body).Decode(&out)
	return nil, out, err
}
