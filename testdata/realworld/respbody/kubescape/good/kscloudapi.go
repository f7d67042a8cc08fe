// Package good is HTTPPost after PR #2807: on a status outside 2xx it
// reads the first 1 KB for the message, drains the rest (a timer closes
// the body if the drain takes over two seconds), closes the body, and
// gives ErrAPI a replacement body holding the bytes it read. The PR's
// warning log of a failed read is left out.
package good

import (
	"bytes"
	"io"
	"net/http"
	"time"

	"example.com/realworld/respbody/kubescape/good/utils"
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
		bodyBytes, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
		timer := time.AfterFunc(2*time.Second, func() {
			resp.Body.Close()
		})
		_, _ = io.Copy(io.Discard, resp.Body)
		timer.Stop()
		resp.Body.Close()

		resp.Body = io.NopCloser(bytes.NewReader(bodyBytes))
		return nil, 0, utils.ErrAPI(resp)
	}

	return resp.Body, resp.ContentLength, err
}
