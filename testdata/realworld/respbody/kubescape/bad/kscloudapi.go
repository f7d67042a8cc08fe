// Package bad is the shape of kubescape/kubescape's HTTPPost
// (core/cautils/getter/kscloudapi.go) before PR #2807 (issue #2806): on a
// status outside 2xx it returns utils.ErrAPI(resp), which reads at most
// 1 KB of the body and closes it, so an error body longer than that, or
// of unknown length, ends its connection instead of returning it to the
// pool. On success the body is handed to the caller. setHeaders is
// reduced to a loop.
package bad

import (
	"bytes"
	"io"
	"net/http"

	"example.com/realworld/respbody/kubescape/bad/utils"
)

func setHeaders(req *http.Request, headers map[string]string) {
	for k, v := range headers {
		req.Header.Set(k, v)
	}
}

// HTTPPost sends body to fullURL and returns the answer's body.
func HTTPPost(client *http.Client, fullURL string, body []byte, headers map[string]string) (io.ReadCloser, int64, error) {
	req, err := http.NewRequest(http.MethodPost, fullURL, bytes.NewBuffer(body))
	if err != nil {
		return nil, 0, err
	}
	setHeaders(req, headers)

	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, err
	}

	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return nil, 0, utils.ErrAPI(resp)
	}

	return resp.Body, resp.ContentLength, err
}
