// Package good is minio-go's client after PR #925: the shared transport
// keeps as many idle connections per host as in all.
package good

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
)

// Client is an S3 client of one endpoint.
type Client struct {
	endpointURL *url.URL
	accessKeyID string
	secretKey   string
	httpClient  *http.Client
}

// New returns a client of endpoint.
func New(endpoint, accessKeyID, secretAccessKey string, secure bool) (*Client, error) {
	scheme := "http"
	if secure {
		scheme = "https"
	}
	u, err := url.Parse(scheme + "://" + endpoint)
	if err != nil {
		return nil, err
	}
	clnt := &Client{endpointURL: u, accessKeyID: accessKeyID, secretKey: secretAccessKey}
	clnt.httpClient = &http.Client{
		Transport:     defaultMinioTransport,
		CheckRedirect: clnt.redirectHeaders,
	}
	return clnt, nil
}

func (c *Client) redirectHeaders(req *http.Request, via []*http.Request) error {
	if len(via) >= 5 {
		return fmt.Errorf("stopped after %d redirects", len(via))
	}
	return nil
}

// SetCustomTransport replaces the transport.
func (c *Client) SetCustomTransport(rt http.RoundTripper) {
	if c.httpClient != nil {
		c.httpClient.Transport = rt
	}
}

type requestMetadata struct {
	bucketName, objectName string
	queryValues            url.Values
	contentBody            io.Reader
	contentLength          int64
}

func (c *Client) makeTargetURL(bucketName, objectName string, q url.Values) *url.URL {
	u := *c.endpointURL
	u.Path = "/" + bucketName
	if objectName != "" {
		u.Path += "/" + objectName
	}
	u.RawQuery = q.Encode()
	return &u
}

func (c *Client) executeMethod(ctx context.Context, method string, md requestMetadata) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.makeTargetURL(md.bucketName, md.objectName, md.queryValues).String(), md.contentBody)
	if err != nil {
		return nil, err
	}
	req.ContentLength = md.contentLength
	req.SetBasicAuth(c.accessKeyID, c.secretKey)
	return c.httpClient.Do(req)
}

// BucketExists reports whether the bucket exists.
func (c *Client) BucketExists(bucketName string) (bool, error) {
	resp, err := c.executeMethod(context.Background(), http.MethodHead, requestMetadata{bucketName: bucketName})
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
		return true, nil
	case http.StatusNotFound:
		return false, nil
	}
	return false, fmt.Errorf("HEAD %s: %s", bucketName, resp.Status)
}

const totalWorkers = 4

// PutObjectParts uploads the parts of an object from totalWorkers
// goroutines.
func (c *Client) PutObjectParts(ctx context.Context, bucketName, objectName, uploadID string, parts [][]byte) error {
	type job struct {
		n    int
		data []byte
	}
	jobs := make(chan job, len(parts))
	errs := make(chan error, len(parts))
	var wg sync.WaitGroup
	for w := 1; w <= totalWorkers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				q := url.Values{"partNumber": {fmt.Sprint(j.n)}, "uploadId": {uploadID}}
				resp, err := c.executeMethod(ctx, http.MethodPut, requestMetadata{
					bucketName: bucketName, objectName: objectName, queryValues: q,
					contentBody: bytes.NewReader(j.data), contentLength: int64(len(j.data)),
				})
				if err != nil {
					errs <- err
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					errs <- fmt.Errorf("part %d: %s", j.n, resp.Status)
				}
			}
		}()
	}
	for i, p := range parts {
		jobs <- job{n: i + 1, data: p}
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}
