package branches

import (
	"io"
	"net/http"
)

func ifElse(c *http.Client, a, b *http.Request, first bool) error {
	var resp *http.Response
	var err error
	if first {
		resp, err = c.Do(a)
	} else {
		resp, err = c.Do(b)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func switchAssigned(c *http.Client, kind int, u string) error {
	var resp *http.Response
	var err error
	switch kind {
	case 0:
		resp, err = c.Get(u)
	case 1:
		resp, err = c.Head(u)
	default:
		resp, err = c.Post(u, "text/plain", nil)
	}
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return err
}

func closeInOneBranch(u string) error {
	resp, err := http.Get(u) // want `resp.Body is not closed on a path that returns`
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	_, _ = io.CopyN(io.Discard, resp.Body, 512)
	return nil
}

func closeInAllBranches(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
	} else {
		defer resp.Body.Close()
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return nil
}

func readCloserVariable(u string, gz bool) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	var body io.ReadCloser = resp.Body
	if gz {
		body = struct {
			io.Reader
			io.Closer
		}{io.LimitReader(resp.Body, 1<<20), resp.Body}
	}
	defer body.Close()
	_, err = io.ReadAll(body)
	return err
}

func declaredBeforeIf(c *http.Client, req *http.Request, send bool) error {
	var rc io.ReadCloser
	if send {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		rc = resp.Body
	} else {
		return nil
	}
	defer rc.Close()
	_, err := io.ReadAll(rc)
	return err
}

func errorInPhi(c *http.Client, req *http.Request, retry bool) error {
	resp, err := c.Do(req)
	if retry && err != nil {
		resp, err = c.Do(req)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func namedResult(c *http.Client, req *http.Request) (n int64, err error) {
	resp, err := c.Do(req)
	defer func() {
		if err != nil {
			n = 0
		}
	}()
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return io.Copy(io.Discard, resp.Body)
}

func selectLoop(c *http.Client, req *http.Request, tick, stop <-chan struct{}) {
	for {
		select {
		case <-tick:
			resp, err := c.Do(req)
			if err != nil {
				continue
			}
			if resp.StatusCode != 200 {
				drainAndClose(resp.Body)
				continue
			}
			drainAndClose(resp.Body)
		case <-stop:
			return
		}
	}
}

func drainAndClose(rc io.ReadCloser) {
	_, _ = io.Copy(io.Discard, rc)
	_ = rc.Close()
}

// selectLoopLeak leaks on non-200 responses: the loop releases the
// response only for a 200, and the server picks the status.
func selectLoopLeak(c *http.Client, req *http.Request, tick, stop <-chan struct{}) {
	for {
		select {
		case <-tick:
			resp, err := c.Do(req) // want `resp.Body is not closed before c.Do runs again in the loop`
			if err != nil {
				continue
			}
			if resp.StatusCode != 200 {
				continue
			}
			drainAndClose(resp.Body)
		case <-stop:
			return
		}
	}
}

// Read to EOF on the branch without the close: the connection is reused.
func closeInOneBranchReadToEOFInOther(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return nil
}
