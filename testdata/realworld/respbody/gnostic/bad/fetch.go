// Package bad is the shape of google/gnostic's document fetcher before PR
// #117: the body is closed only when the status is 200, so every other
// status leaks the connection.
package bad

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
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	return nil, fmt.Errorf("error fetching %s: %d", fileurl, resp.StatusCode)
}
