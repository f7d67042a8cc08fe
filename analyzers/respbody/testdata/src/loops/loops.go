package loops

import (
	"io"
	"net/http"
	"time"
)

func retry(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req)
		if err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func retryWhileError(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `closed without being read`
	for n := 0; err != nil && n < 3; n++ {
		resp, err = c.Do(req) // want `closed without being read`
	}
	if err != nil {
		return err
	}
	if err := resp.Body.Close(); err != nil {
		return err
	}
	return nil
}

func retryOnStatusLeaks(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want `resp.Body is not closed before c.Do runs again in the loop`
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			continue
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}
	return nil
}

func retryOnStatusCloses(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode >= 500 {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			continue
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}
	return nil
}

func perItem(c *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func perItemLeak(c *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := c.Get(u) // want `resp.Body is not closed before c.Get runs again`
		if err != nil {
			continue
		}
		_ = resp.StatusCode
	}
}

// The shape of DevCycleHQ/go-server-sdk's event queue before PR #120:
// only the 4xx branch reads and closes the body; a 201 and a 5xx leave it
// open while the next batch is sent.
func flushLeaks(c *http.Client, batches []*http.Request, failed func(*http.Request, bool)) {
	for _, req := range batches {
		resp, err := c.Do(req) // want `resp.Body is not closed before c.Do runs again in the loop`
		if err != nil {
			failed(req, false)
			continue
		}
		if resp.StatusCode >= 500 {
			failed(req, true)
			continue
		}
		if resp.StatusCode >= 400 {
			_, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			failed(req, false)
			continue
		}
	}
}

// After the fix: every status's path closes the body.
func flushCloses(c *http.Client, batches []*http.Request, failed func(*http.Request, bool)) {
	for _, req := range batches {
		resp, err := c.Do(req)
		if err != nil {
			failed(req, false)
			continue
		}
		_, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			failed(req, true)
			continue
		}
		if resp.StatusCode >= 400 {
			failed(req, false)
		}
	}
}

// A release under a flag the walk cannot relate to the path, not to the
// status: still taken as the loop's way of releasing it.
func pollUntilDone(c *http.Client, req *http.Request, done func() bool) {
	for !done() {
		resp, err := c.Do(req)
		if err != nil {
			return
		}
		if done() {
			_, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
	}
}
