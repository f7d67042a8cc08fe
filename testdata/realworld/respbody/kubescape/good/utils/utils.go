// Package utils stands in for kubescape/backend's pkg/utils (another
// module): ErrAPI copies at most min(ContentLength, 1024) bytes of the
// body into the error and closes the body, so a longer or chunked
// (ContentLength -1, nothing copied) body is closed before EOF.
package utils

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

// ErrAPI reports an API error, with a cap on the length of its message.
func ErrAPI(resp *http.Response) error {
	const maxSize = 1024
	reason := new(strings.Builder)
	if resp.Body != nil {
		size := min(resp.ContentLength, maxSize)
		if size > 0 {
			reason.Grow(int(size))
		}
		_, _ = io.CopyN(reason, resp.Body, size)
		defer resp.Body.Close()
	}
	return fmt.Errorf("http-error: '%s', reason: '%s'", resp.Status, reason.String())
}
