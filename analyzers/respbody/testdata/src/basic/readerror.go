package basic

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

var errInvalid = errors.New("invalid")

// A read through io.LimitReader that fails is a failed read of the body:
// the transport has given the connection up, and the path needs nothing.
func limitedReadFails(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return b, nil
}

// A read through io.LimitReader that succeeds may have stopped at the
// limit, short of EOF: the path goes on, and leaks here.
func limitedReadSucceeds(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if !json.Valid(b) {
		return nil, errInvalid
	}
	resp.Body.Close()
	return b, nil
}

// A decoder's error may be about the content, short of EOF.
func decodeFails(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	var v any
	if err := json.NewDecoder(bufio.NewReader(resp.Body)).Decode(&v); err != nil {
		return err
	}
	return resp.Body.Close()
}

// A copy into a writer that can fail may fail on the writer.
func copyFails(c *http.Client, req *http.Request, w io.Writer) error {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, io.LimitReader(resp.Body, 1<<20)); err != nil {
		return err
	}
	return resp.Body.Close()
}

// Into a buffer, only the read can fail.
func copyToBufferFails(c *http.Client, req *http.Request) (*bytes.Buffer, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := io.CopyN(&buf, resp.Body, 512); err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return &buf, nil
}

// bufio.Reader passes the body's read errors through, and ReadString
// fails with nothing else.
func lineFails(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	return line, nil
}

// A Read of the body that fails, or returns io.EOF, leaves no connection.
func readFails(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	hdr := make([]byte, 8)
	if _, err := io.ReadFull(resp.Body, hdr); err != nil {
		return nil, err
	}
	buf := make([]byte, 512)
	if _, err := resp.Body.Read(buf); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return buf, nil
}

// http.MaxBytesReader fails on a body too long, short of its EOF.
func maxBytesFails(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return nil, err
	}
	hdr := make([]byte, 8)
	if _, err := io.ReadFull(http.MaxBytesReader(nil, resp.Body, 4), hdr); err != nil {
		return nil, err
	}
	resp.Body.Close()
	return hdr, nil
}
