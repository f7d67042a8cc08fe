// Package xhttp stands for minio's cmd/http: DrainBody reads what is left
// of a body and closes it, so the transport can reuse the connection.
package xhttp

import "io"

// DrainBody drains and closes respBody if it is not nil.
func DrainBody(respBody io.ReadCloser) {
	if respBody != nil {
		defer respBody.Close()
		_, _ = io.Copy(io.Discard, respBody)
	}
}
