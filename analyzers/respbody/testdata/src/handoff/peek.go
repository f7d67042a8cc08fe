package handoff

import (
	"io"
	"net/http"

	"example.com/peek"
)

// The body is peeked by another package's reader wrapper, which fails only
// when its read of the body failed (the connection is given up) or met
// EOF (ErrEmptyReader: the connection is back in the pool), as go-git's
// smart-HTTP receive-pack does.
func peekedEmpty(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	r, err := peek.NonEmptyReader(resp.Body)
	if err == peek.ErrEmptyReader {
		return nil
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, r)
	return err
}

// The same in the shape of go-git's upload-pack: the sentinel inside the
// error branch.
func peekedSentinel(c *http.Client, req *http.Request, errEmpty error) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	r, err := peek.NonEmptyReader(resp.Body)
	if err != nil {
		if err == peek.ErrEmptyReader || err == io.ErrUnexpectedEOF {
			return errEmpty
		}
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, r)
	return err
}

// A decoder that checks a header fails on content, before the body's EOF:
// the connection is still held.
func badHeader(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	d, err := peek.NewDecoder(resp.Body)
	if err == peek.ErrHeader {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, d)
	return err
}

// A function that only returns an error may have failed on what it read.
func checked(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if err := peek.Check(resp.Body); err != nil {
		return err
	}
	return resp.Body.Close()
}
