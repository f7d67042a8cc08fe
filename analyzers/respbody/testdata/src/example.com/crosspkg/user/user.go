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

func discardedFromLib(u string) {
	_, _ = lib.Fetch(u) // the caller evidently treats it as handled
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
