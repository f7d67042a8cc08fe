package user

import (
	"io"
	"net/http"

	"example.com/crosspkg/lib"
)

func leak(u string) (int, error) {
	resp, err := lib.Fetch(u) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func closed(u string) error {
	resp, err := lib.Fetch(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func drainedByLib(u string) error {
	resp, err := lib.Fetch(u)
	if err != nil {
		return err
	}
	defer lib.Drain(resp)
	return nil
}

func closedByLib(u string) error {
	resp, err := lib.Fetch(u)
	if err != nil {
		return err
	}
	defer lib.CloseQuietly(resp.Body)
	_, err = io.ReadAll(resp.Body)
	return err
}

func sdk(u string) int {
	code, _, _ := lib.Status(u) // three results: not a fresh response
	return code
}

// lib.Fetch hands back http.Get's open response (its fact says so): a
// discard leaks, as for the package's own wrapper.
func discardedFromLib(u string) {
	_, _ = lib.Fetch(u) // want `the response of lib.Fetch is discarded and its body never closed`
}

// lib.Probe reads and closes the body before handing the response back:
// no fact, and its discarded response loses nothing.
func discardedProbe(u string) {
	_, _ = lib.Probe(u)
}

func doer(d lib.Doer, req *http.Request) error {
	resp, err := d.Do(req) // want `resp.Body is not closed`
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return nil
	}
	return resp.Body.Close()
}

// lib.Open's body, copied into a writer that can fail: the failed copy
// returns with the body open (minio/minio#12147).
func stream(u string, w io.Writer) error {
	rc, err := lib.Open(u) // want `not closed on a path that returns`
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, rc); err != nil {
		return err
	}
	return rc.Close()
}

func streamClosed(u string, w io.Writer) error {
	rc, err := lib.Open(u)
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(w, rc)
	return err
}
