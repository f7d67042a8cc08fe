package handoff

import (
	"io"
	"net/http"
)

// The shape of mautrix's federation client: the wrapper reads and closes
// the body itself unless the caller sets Raw in its options, and then
// hands it back open. Raw is a guard: each test of it takes the side the
// first one took, and the callers that leave it false get a closed body.
type fetchOptions struct {
	URL string
	Raw bool // the caller gets the body open
}

func fetchFull(c *http.Client, o fetchOptions) (body []byte, resp *http.Response, err error) {
	resp, err = c.Get(o.URL)
	defer func() { logURL(o.URL, resp) }()
	if err != nil {
		return nil, nil, err
	}
	if !o.Raw {
		defer resp.Body.Close()
	}
	if resp.StatusCode >= 300 {
		return nil, resp, io.ErrUnexpectedEOF
	}
	if !o.Raw {
		if body, err = io.ReadAll(resp.Body); err != nil {
			return nil, resp, err
		}
	}
	return body, resp, nil
}

func logURL(u string, resp *http.Response) {
	if resp != nil {
		println(u, resp.StatusCode)
	}
}

// Raw left out of the literal: false, the wrapper has closed the body.
func fetchBytes(c *http.Client, u string) ([]byte, error) {
	body, _, err := fetchFull(c, fetchOptions{URL: u})
	return body, err
}

func fetchQuiet(c *http.Client, u string) error {
	_, _, err := fetchFull(c, fetchOptions{URL: u, Raw: false})
	return err
}

// Raw true: the body is the caller's.
func fetchStream(c *http.Client, u string, w io.Writer) error {
	_, resp, err := fetchFull(c, fetchOptions{URL: u, Raw: true})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(w, resp.Body)
	return err
}

func fetchRawDropped(c *http.Client, u string) error {
	_, _, err := fetchFull(c, fetchOptions{URL: u, Raw: true}) // want `the response of fetchFull is discarded`
	return err
}

// The same through a pointer to the options.
func fetchFullPtr(c *http.Client, o *fetchOptions) ([]byte, *http.Response, error) {
	resp, err := c.Get(o.URL)
	if err != nil {
		return nil, nil, err
	}
	if o.Raw {
		return nil, resp, nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return body, resp, err
}

func fetchPtrBytes(c *http.Client, u string) ([]byte, error) {
	body, _, err := fetchFullPtr(c, &fetchOptions{URL: u})
	return body, err
}

func fetchPtrRawDropped(c *http.Client, u string) error {
	_, _, err := fetchFullPtr(c, &fetchOptions{URL: u, Raw: true}) // want `the response of fetchFullPtr is discarded`
	return err
}

// The bad twin of the wrapper: the close and the read test two fields,
// so one path closes the body unread and returns success.
type splitOptions struct {
	URL       string
	KeepOpen  bool
	WantBytes bool
}

func fetchSplit(c *http.Client, o splitOptions) (body []byte, resp *http.Response, err error) {
	resp, err = c.Get(o.URL) // want `resp.Body is closed without being read on a path that returns normally`
	if err != nil {
		return nil, nil, err
	}
	if !o.KeepOpen {
		defer resp.Body.Close()
	}
	if o.WantBytes {
		if body, err = io.ReadAll(resp.Body); err != nil {
			return nil, resp, err
		}
	}
	return body, resp, nil
}

// A field the wrapper assigns is no guard: its tests need not agree.
func fetchReassigned(c *http.Client, o *fetchOptions, force bool) ([]byte, *http.Response, error) {
	resp, err := c.Get(o.URL) // want `resp.Body is closed without being read on a path that returns normally`
	if err != nil {
		return nil, nil, err
	}
	if !o.Raw {
		defer resp.Body.Close()
	}
	if force {
		o.Raw = true
	}
	var body []byte
	if !o.Raw {
		if body, err = io.ReadAll(resp.Body); err != nil {
			return nil, resp, err
		}
	}
	return body, resp, nil
}
