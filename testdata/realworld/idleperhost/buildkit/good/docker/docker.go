// Package docker stands for containerd's remotes/docker, which buildkit's
// resolver configures: a RegistryHost carries the client for one registry
// host, and a pull fetches an image's layers from it in parallel.
package docker

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// RegistryHost is one registry endpoint and the client to reach it.
type RegistryHost struct {
	Client *http.Client
	Scheme string
	Host   string
	Path   string
}

// RegistryHosts returns the endpoints of a registry host name.
type RegistryHosts func(host string) ([]RegistryHost, error)

// FetchLayers downloads every layer of repo from h at once.
func FetchLayers(ctx context.Context, h RegistryHost, repo string, digests []string, sink func(string, []byte)) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(digests))
	for _, d := range digests {
		wg.Add(1)
		go func(d string) {
			defer wg.Done()
			u := fmt.Sprintf("%s://%s%s/%s/blobs/%s", h.Scheme, h.Host, h.Path, repo, d)
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err != nil {
				errs <- err
				return
			}
			resp, err := h.Client.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			data, err := io.ReadAll(resp.Body)
			if err != nil {
				errs <- err
				return
			}
			sink(d, data)
		}(d)
	}
	wg.Wait()
	close(errs)
	return <-errs
}
