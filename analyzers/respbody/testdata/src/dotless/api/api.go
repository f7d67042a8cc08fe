// Package api calls the module's own client package: a module path without
// a dot does not make that package look like the standard library.
package api

import (
	"io"

	"myservice/client"
)

func leak(u string) (int, error) {
	resp, err := client.Fetch(u) // want `resp.Body is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func closed(u string) error {
	resp, err := client.Fetch(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}
