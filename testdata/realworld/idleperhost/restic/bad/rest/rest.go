// Package rest is restic's REST server backend: one server, up to
// connLimit requests in flight from the archiver's workers.
package rest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	backend "example.com/realworld/idleperhost/restic/bad"
)

const connLimit = 40

type restBackend struct {
	url      *url.URL
	connChan chan struct{}
	client   http.Client
}

// Open opens the REST backend at u.
func Open(u *url.URL) (*restBackend, error) {
	connChan := make(chan struct{}, connLimit)
	for i := 0; i < connLimit; i++ {
		connChan <- struct{}{}
	}
	client := http.Client{Transport: backend.Transport()}
	return &restBackend{url: u, connChan: connChan, client: client}, nil
}

func (b *restBackend) filename(name string) string {
	return strings.TrimSuffix(b.url.String(), "/") + "/data/" + name
}

// Save stores one blob.
func (b *restBackend) Save(name string, rd io.Reader) (err error) {
	<-b.connChan
	resp, err := b.client.Post(b.filename(name), "binary/octet-stream", io.NopCloser(rd))
	b.connChan <- struct{}{}
	if err != nil {
		return fmt.Errorf("client.Post: %w", err)
	}
	defer func() {
		io.Copy(io.Discard, resp.Body)
		if e := resp.Body.Close(); err == nil {
			err = e
		}
	}()
	if resp.StatusCode != http.StatusOK {
		return errors.New("server response unexpected: " + resp.Status)
	}
	return nil
}

// SaveAll stores the blobs from as many workers as the backend allows, as
// restic's archiver does.
func (b *restBackend) SaveAll(blobs map[string]io.Reader) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(blobs))
	for name, rd := range blobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- b.Save(name, rd)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
