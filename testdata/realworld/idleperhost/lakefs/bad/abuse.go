// Package bad is the shape of treeverse/lakeFS's `lakectl abuse` before PR
// #1455: many workers call the one lakeFS endpoint through a client whose
// transport is http.DefaultTransport, and the load test soon ran out of
// sockets, almost all of them in TIME_WAIT.
package bad

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

type APIClient struct {
	endpoint string
	http     *http.Client
}

func NewAPIClient(endpoint string) *APIClient {
	return &APIClient{endpoint: endpoint, http: &http.Client{Timeout: 10 * time.Second}}
}

func (c *APIClient) StatObject(repo, ref, path string) error {
	resp, err := c.http.Get(fmt.Sprintf("%s/repositories/%s/refs/%s/objects/stat?path=%s", c.endpoint, repo, ref, path))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// RandomRead runs the read benchmark with parallelism workers.
func RandomRead(endpoint, repo string, paths []string, parallelism int) {
	client := NewAPIClient(endpoint)
	work := make(chan string)
	var wg sync.WaitGroup
	for range parallelism {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				client.StatObject(repo, "main", p)
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
}
