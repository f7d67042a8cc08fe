package bodyreader

import (
	"bytes"
	"io"
	"net/http"
	"time"
)

// backoff calls op until it succeeds, at most n times.
func backoff(op func() error, n int) error {
	var err error
	for i := 0; i < n; i++ {
		if err = op(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// A call keeps its body buffer in a field and makes it only while the
// field is nil (go-resty/resty before #47): from the second attempt on the
// buffer is the one the first attempt read.
type call struct {
	c    *http.Client
	url  string
	data []byte
	buf  *bytes.Buffer
}

func (k *call) prepare() {
	if k.buf == nil {
		k.buf = bytes.NewBuffer(k.data)
	}
}

func (k *call) once() error {
	k.prepare()
	req, err := http.NewRequest(http.MethodPost, k.url, k.buf)
	if err != nil {
		return err
	}
	resp, err := k.c.Do(req) // want `k.buf is given to the request of every attempt of a retry`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Send sends the call with retries.
func (k *call) Send() error { return backoff(func() error { return k.once() }, 3) }

// A fresh call makes its buffer anew in each attempt.
type freshCall struct {
	c    *http.Client
	url  string
	data []byte
	buf  *bytes.Buffer
}

func (k *freshCall) prepare() {
	k.buf = nil
	if k.buf == nil {
		k.buf = bytes.NewBuffer(k.data)
	}
}

func (k *freshCall) once() error {
	k.prepare()
	req, err := http.NewRequest(http.MethodPost, k.url, k.buf)
	if err != nil {
		return err
	}
	resp, err := k.c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Send sends the call with retries.
func (k *freshCall) Send() error { return backoff(func() error { return k.once() }, 3) }

// A typed call sets its buffer by the kind of its body, on every attempt:
// no store waits for the field to be nil.
type typedCall struct {
	c    *http.Client
	url  string
	body any
	buf  io.Reader
}

func (k *typedCall) prepare() {
	switch b := k.body.(type) {
	case []byte:
		k.buf = bytes.NewReader(b)
	case string:
		k.buf = bytes.NewBufferString(b)
	}
}

func (k *typedCall) once() error {
	k.prepare()
	req, err := http.NewRequest(http.MethodPost, k.url, k.buf)
	if err != nil {
		return err
	}
	resp, err := k.c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Send sends the call with retries.
func (k *typedCall) Send() error { return backoff(func() error { return k.once() }, 3) }

// A closure given to the retry helper captures one reader.
func sendCaptured(c *http.Client, u string, data []byte) error {
	body := bytes.NewReader(data)
	return backoff(func() error {
		req, err := http.NewRequest(http.MethodPost, u, body)
		if err != nil {
			return err
		}
		resp, err := c.Do(req) // want `body is given to the request of every attempt of a retry`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, 3)
}

// The closure captures the bytes and wraps them in each attempt.
func sendCapturedBytes(c *http.Client, u string, data []byte) error {
	return backoff(func() error {
		req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, 3)
}
