package reuse

import (
	"encoding/json"
	"io"
	"net/http"
)

func statusOnly(u string) (bool, error) {
	resp, err := http.Get(u) // want `resp.Body is closed without being read \(connection not reused\)`
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func statusDrained(u string) (bool, error) {
	resp, err := http.Get(u)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK, nil
}

func readOnSomePath(u string, v any) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func head(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func closedByHelperUnread(u string) error {
	resp, err := http.Get(u) // want `resp.Body is closed without being read`
	if err != nil {
		return err
	}
	closeOnly(resp)
	return nil
}

func closeOnly(resp *http.Response) { resp.Body.Close() }
