// Package bad is the shape of cloudprober/cloudprober before PR #1476: the
// probe closes the body on its success path, but returns without closing
// it when reading the body fails, leaking one connection per failed probe.
package bad

import (
	"fmt"
	"io"
	"net/http"
)

func doHTTPRequest(client *http.Client, req *http.Request, validate func([]byte) error) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	respBody, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("reading body: %w", err)
	}
	resp.Body.Close()
	return validate(respBody)
}
