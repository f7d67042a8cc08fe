// Package good is gnostic after PR #117: the body is closed whatever the
// status.
package good

import (
	"fmt"
	"io"
	"net/http"
)

func FetchFile(fileurl string) ([]byte, error) {
	resp, err := http.Get(fileurl)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("error fetching %s: %d", fileurl, resp.StatusCode)
	}
	return io.ReadAll(resp.Body)
}
