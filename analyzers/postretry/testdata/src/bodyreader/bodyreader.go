// Package bodyreader holds retries that build a new request in each attempt
// around a body reader that an earlier attempt already read to its end.
package bodyreader

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"
)

// The same reader goes into the request of every attempt.
func loopReader(c *http.Client, u string, data []byte) (*http.Response, error) {
	body := bytes.NewReader(data)
	var err error
	for i := 0; i < 3; i++ {
		req, rerr := http.NewRequest(http.MethodPost, u, body)
		if rerr != nil {
			return nil, rerr
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil { // want `body is given to the request of every attempt of a retry`
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err
}

// A reader made anew from the bytes in each attempt.
func loopFresh(c *http.Client, u string, data []byte) (*http.Response, error) {
	var err error
	for i := 0; i < 3; i++ {
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

// A strings.Reader made anew in each attempt.
func loopFreshString(c *http.Client, u, data string) (*http.Response, error) {
	var err error
	for i := 0; i < 3; i++ {
		req, rerr := http.NewRequest(http.MethodPost, u, strings.NewReader(data))
		if rerr != nil {
			return nil, rerr
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// The reader is rewound before each attempt.
func loopSeek(c *http.Client, u string, data []byte) (*http.Response, error) {
	body := bytes.NewReader(data)
	var err error
	for i := 0; i < 3; i++ {
		if _, err := body.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		req, rerr := http.NewRequest(http.MethodPost, u, body)
		if rerr != nil {
			return nil, rerr
		}
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// The request's Body is set from GetBody in each attempt.
func loopGetBody(c *http.Client, u string, data []byte) (*http.Response, error) {
	body := bytes.NewReader(data)
	var err error
	for i := 0; i < 3; i++ {
		req, rerr := http.NewRequest(http.MethodPost, u, body)
		if rerr != nil {
			return nil, rerr
		}
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
		req.Body, _ = req.GetBody()
		var resp *http.Response
		if resp, err = c.Do(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// PostBuffer sends data with retries.
func PostBuffer(c *http.Client, u string, data []byte) error {
	return tryBuffer(c, 3, time.Second, u, bytes.NewBuffer(data))
}

// A recursive retry passes the same buffer to every attempt
// (softlayer-go before #137).
func tryBuffer(c *http.Client, retries int, wait time.Duration, u string, body *bytes.Buffer) error {
	err := sendBuffer(c, u, body)
	if err != nil && retries > 0 {
		time.Sleep(wait)
		return tryBuffer(c, retries-1, wait*2, u, body)
	}
	return err
}

func sendBuffer(c *http.Client, u string, body *bytes.Buffer) error {
	req, err := http.NewRequest(http.MethodPost, u, body)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `body is given to the request of every attempt of a retry`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PostBytes sends data with retries.
func PostBytes(c *http.Client, u string, data []byte) error {
	return tryBytes(c, 3, time.Second, u, data)
}

// A recursive retry passes the bytes, and each attempt wraps them anew.
func tryBytes(c *http.Client, retries int, wait time.Duration, u string, body []byte) error {
	err := sendBytes(c, u, body)
	if err != nil && retries > 0 {
		time.Sleep(wait)
		return tryBytes(c, retries-1, wait, u, body)
	}
	return err
}

func sendBytes(c *http.Client, u string, body []byte) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewBuffer(body))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PostReader sends data with retries.
func PostReader(c *http.Client, u string, data []byte) error {
	return postReader(c, u, bytes.NewReader(data), 3)
}

// A recursive retry that sends itself, given an io.Reader.
func postReader(c *http.Client, u string, body io.Reader, retries int) error {
	req, err := http.NewRequest(http.MethodPost, u, body)
	if err != nil {
		return err
	}
	resp, err := c.Do(req) // want `body is given to the request of every attempt of a retry`
	if err != nil {
		if retries > 0 {
			return postReader(c, u, body, retries-1)
		}
		return err
	}
	return resp.Body.Close()
}

// PostData sends data with retries.
func PostData(c *http.Client, u string, data []byte) error {
	return postBytes(c, u, data, 3)
}

// Each recursion is given a new reader of the bytes.
func postBytes(c *http.Client, u string, data []byte, retries int) error {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		if retries > 0 {
			return postBytes(c, u, data, retries-1)
		}
		return err
	}
	return resp.Body.Close()
}

// sendWith sends the body its callers give.
func sendWith(c *http.Client, method, u string, body io.Reader) error {
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PostFresh gives each attempt a new reader.
func PostFresh(c *http.Client, u string, data []byte) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = sendWith(c, http.MethodPost, u, bytes.NewReader(data)); err == nil {
			return nil
		}
	}
	return err
}

// Poll retries a send without a body: the body other calls give is not
// this one's.
func Poll(c *http.Client, u string) {
	for sendWith(c, http.MethodGet, u, nil) != nil {
		time.Sleep(time.Second)
	}
}
