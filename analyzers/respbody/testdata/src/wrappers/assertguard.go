package wrappers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// An SDK's Do (ns1-go's rest.Client.Do) closes the body unless the caller
// asks for a *bufio.Reader, which it hands the body to: the type
// assertion decides both, and holds the same way each time.
type sdk struct{ hc *http.Client }

func (c sdk) Do(req *http.Request, v any) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if _, ok := v.(**bufio.Reader); !ok {
		defer resp.Body.Close()
	}
	if v != nil {
		if reader, ok := v.(**bufio.Reader); ok {
			*reader = bufio.NewReader(resp.Body)
			return resp, nil
		}
		if buf, ok := v.(*bytes.Buffer); ok {
			if _, err := io.Copy(buf, resp.Body); err != nil {
				return nil, err // closed by the deferred close
			}
			return resp, nil
		}
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			return nil, err
		}
	}
	return resp, err
}

// get passes its target on: Do's guard is its own parameter's.
func (c sdk) get(v any, u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req, v)
}

type zone struct{ Name string }

// A target that is not a *bufio.Reader: the body is closed, and the
// response only carries the status.
func (c sdk) Zones(u string) ([]zone, error) {
	var zs []zone
	resp, err := c.get(&zs, u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, io.ErrUnexpectedEOF
	}
	return zs, nil
}

func (c sdk) Export(req *http.Request) (*bytes.Buffer, error) {
	var buf bytes.Buffer
	if _, err := c.Do(req, &buf); err != nil {
		return nil, err
	}
	return &buf, nil
}

// A *bufio.Reader target: the body is the caller's, and this one drops it.
func (c sdk) Stream(u string) (string, error) {
	var r *bufio.Reader
	resp, err := c.get(&r, u) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", io.ErrUnexpectedEOF
	}
	line, err := r.ReadString('\n')
	resp.Body.Close()
	return line, err
}
