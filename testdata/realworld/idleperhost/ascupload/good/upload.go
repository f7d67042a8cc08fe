// Package good is the upload engine after PR #1751: the upload transport
// keeps as many idle connections per host as the most workers an upload
// runs, so the parallel chunks to the one upload host reuse them. (The PR
// also raised the default concurrency from 1 to 4; the limits below are
// this twin's, rebuilt from the PR's description.)
package good

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"time"
)

// UploadOperation is one chunk: where to send which bytes of the file.
type UploadOperation struct {
	Method string
	URL    string
	Offset int64
	Length int64
}

// maxUploadConcurrency is the most workers an upload runs.
const maxUploadConcurrency = 16

// newUploadClient makes a client of its own for uploads, on a clone of
// the default transport so as not to share http.DefaultClient's pool.
func newUploadClient() *http.Client {
	transport := http.DefaultTransport
	if base, ok := transport.(*http.Transport); ok {
		clone := base.Clone()
		clone.MaxIdleConns = 100
		clone.MaxIdleConnsPerHost = maxUploadConcurrency
		transport = clone
	}
	return &http.Client{Timeout: 10 * time.Minute, Transport: transport}
}

// ExecuteUploadOperations uploads the chunks of filePath with concurrency
// workers.
func ExecuteUploadOperations(ctx context.Context, filePath string, operations []UploadOperation, concurrency int) error {
	client := newUploadClient()
	file, err := os.Open(filePath)
	if err != nil {
		return err
	}
	defer file.Close()

	jobs := make(chan UploadOperation)
	errs := make(chan error, concurrency)
	var wg sync.WaitGroup
	for i := 0; i < concurrency; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for op := range jobs {
				if err := executeUploadOperation(ctx, client, file, op); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for _, op := range operations {
		jobs <- op
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}

func executeUploadOperation(ctx context.Context, client *http.Client, file *os.File, op UploadOperation) error {
	reader := io.NewSectionReader(file, op.Offset, op.Length)
	req, err := http.NewRequestWithContext(ctx, op.Method, op.URL, reader)
	if err != nil {
		return err
	}
	req.ContentLength = op.Length
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("upload chunk at offset %d: %s", op.Offset, resp.Status)
	}
	return nil
}
