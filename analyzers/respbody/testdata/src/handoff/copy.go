package handoff

import (
	"io"
	"net/http"
)

// A copy of the response struct shares its Body: returning the copy hands
// the body to the caller, and closing the copy's Body closes it.

func copyReturned(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	c := *resp
	c.Header = c.Header.Clone()
	c.Header.Set("X-Copied", "1")
	return &c, nil
}

func copyClosed(u string) (int, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	c := *resp
	defer c.Body.Close()
	_, err = io.Copy(io.Discard, c.Body)
	return c.StatusCode, err
}

func copyStored(h *holder, u string) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	c := *resp
	h.resp = &c
}

// The bad twins: the copy is made, but neither it nor the original is
// closed or handed on.

func copyDropped(u string) (int, error) {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	c := *resp
	return c.StatusCode, nil
}

func copyOfCopyDropped(u string) string {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return ""
	}
	c := *resp
	d := c
	return d.Header.Get("X-Copied")
}
