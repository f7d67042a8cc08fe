package closures

import (
	"io"
	"net/http"
)

func deferredClosure(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	_, err = io.ReadAll(resp.Body)
	return err
}

func deferredClosureTakingCloser(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func(c io.Closer) { _ = c.Close() }(resp.Body)
	_, err = io.ReadAll(resp.Body)
	return err
}

func deferredClosureTakingReadCloser(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func(rc io.ReadCloser) {
		if err := rc.Close(); err != nil {
			println(err.Error())
		}
	}(resp.Body)
	_, err = io.ReadAll(resp.Body)
	return err
}

func deferredClosureDoingNothing(u string) error {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return err
	}
	defer func(rc io.ReadCloser) {}(resp.Body)
	_, err = io.CopyN(io.Discard, resp.Body, 512)
	return err
}

func calledClosure(u string) {
	resp, _ := http.Get(u)
	done := func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	done()
}

func closureNeverCalled(u string) {
	resp, _ := http.Get(u) // want `resp.Body is not closed`
	_ = func() { resp.Body.Close() }
}

func closureParam(u string) {
	resp, _ := http.Get(u)
	closeIt := func(r *http.Response) {
		_, _ = io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	closeIt(resp)
}

func goroutine(u string) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	go func() {
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
	}()
}

func deferredBeforeRequest(c *http.Client, req *http.Request) (err error) {
	var resp *http.Response
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	resp, err = c.Do(req)
	if err != nil {
		return err
	}
	_, err = io.ReadAll(resp.Body)
	return err
}

func closureClosesOnlySometimes(u string, ok bool) {
	resp, err := http.Get(u) // want `resp.Body is not closed`
	if err != nil {
		return
	}
	defer func() {
		if ok {
			resp.Body.Close()
		}
	}()
	_, _ = io.CopyN(io.Discard, resp.Body, 512)
}

// The closure closes only sometimes, but the body is read to EOF.
func closureClosesOnlySometimesReadToEOF(u string, ok bool) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	defer func() {
		if ok {
			resp.Body.Close()
		}
	}()
	_, _ = io.ReadAll(resp.Body)
}
