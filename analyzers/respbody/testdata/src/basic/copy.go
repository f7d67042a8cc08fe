package basic

import (
	"bytes"
	"crypto/sha256"
	"io"
	"net/http"
)

// A copy into a pipe stops early when the pipe's reader is closed, and the
// body is left open (moby's PluginInstall).
func copiedToPipe(url string) (io.Reader, error) {
	resp, err := http.Get(url) // want `resp.Body is not closed`
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, resp.Body)
		pw.CloseWithError(err)
	}()
	return pr, nil
}

// A copy into a buffer or a hash cannot fail: it runs to EOF.
func copiedToBuffer(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, err = io.Copy(&buf, resp.Body)
	return buf.Bytes(), err
}

func hashed(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, resp.Body); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

func readFromBuffer(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	return buf.String(), err
}
