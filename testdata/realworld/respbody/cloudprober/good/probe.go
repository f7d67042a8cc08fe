// Package good is cloudprober after PR #1476: the read-error path closes
// the body too.
package good

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
		resp.Body.Close()
		return fmt.Errorf("reading body: %w", err)
	}
	resp.Body.Close()
	return validate(respBody)
}
