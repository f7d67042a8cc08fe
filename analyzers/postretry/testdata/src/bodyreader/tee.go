package bodyreader

import (
	"bytes"
	"io"
	"net/http"
	"time"
)

// The first attempt tees the body into a buffer that the retries send
// (grafana-api-golang-client before #150): it holds only what the first
// attempt's transport read.
func teed(c *http.Client, u string, body io.Reader, retries int) (*http.Response, error) {
	var replay bytes.Buffer
	if retries > 0 {
		body = io.TeeReader(body, &replay)
	}
	var err error
	for n := 0; n <= retries; n++ {
		if n > 0 {
			body = bytes.NewReader(replay.Bytes())
		}
		req, rerr := http.NewRequest(http.MethodPost, u, body)
		if rerr != nil {
			return nil, rerr
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil { // want `replay holds only what the first attempt read of the body through io.TeeReader`
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// PostTeed sends data.
func PostTeed(c *http.Client, u string, data []byte) (*http.Response, error) {
	return teed(c, u, bytes.NewBuffer(data), 3)
}

// The body is read into memory first, and each attempt reads all of it.
func readFirst(c *http.Client, u string, body io.Reader, retries int) (*http.Response, error) {
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	for n := 0; n <= retries; n++ {
		req, rerr := http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
		if rerr != nil {
			return nil, rerr
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// PostRead sends data.
func PostRead(c *http.Client, u string, data []byte) (*http.Response, error) {
	return readFirst(c, u, bytes.NewBuffer(data), 3)
}

// A failed attempt drains the tee, so the buffer holds the whole body.
func teedDrained(c *http.Client, u string, body io.Reader, retries int) (*http.Response, error) {
	var replay bytes.Buffer
	tee := io.TeeReader(body, &replay)
	body = tee
	var err error
	for n := 0; n <= retries; n++ {
		if n > 0 {
			body = bytes.NewReader(replay.Bytes())
		}
		req, rerr := http.NewRequest(http.MethodPost, u, body)
		if rerr != nil {
			return nil, rerr
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
		if n == 0 {
			io.Copy(io.Discard, tee)
		}
	}
	return nil, err
}

// PostDrained sends data.
func PostDrained(c *http.Client, u string, data []byte) (*http.Response, error) {
	return teedDrained(c, u, bytes.NewBuffer(data), 3)
}
