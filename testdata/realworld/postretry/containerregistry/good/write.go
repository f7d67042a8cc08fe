// Package good is go-containerregistry after PR #1268: the retry predicate
// accepts EOF too.
package good

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

type temporary interface{ Temporary() bool }

func isTemporary(err error) bool {
	if errors.Is(err, io.EOF) {
		return true
	}
	if te, ok := err.(temporary); ok && te.Temporary() {
		return true
	}
	return false
}

func retry(attempts int, pred func(error) bool, f func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = f(); err == nil || !pred(err) {
			return err
		}
		time.Sleep(time.Duration(i+1) * 100 * time.Millisecond)
	}
	return err
}

type writer struct {
	registry string
	repo     string
	client   *http.Client
}

func (w *writer) initiateUpload() (string, error) {
	var location string
	err := retry(3, isTemporary, func() error {
		req, err := http.NewRequest(http.MethodPost, fmt.Sprintf("https://%s/v2/%s/blobs/uploads/", w.registry, w.repo), nil)
		if err != nil {
			return err
		}
		resp, err := w.client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		if resp.StatusCode != http.StatusAccepted {
			return fmt.Errorf("unexpected status %d", resp.StatusCode)
		}
		location = resp.Header.Get("Location")
		return nil
	})
	return location, err
}
