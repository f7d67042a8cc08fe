// Package minio stands for github.com/minio/minio-go/v6, the S3 client
// thanos-io/thanos's objstore/s3 is built on: a Client sends every call to
// its one endpoint through its http.Client, whose transport a caller may
// replace with SetCustomTransport. Signing, multipart uploads and the XML
// answers are left out.
package minio

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Credentials signs requests.
type Credentials struct {
	AccessKeyID, SecretAccessKey string
}

// Client is an S3 client of one endpoint.
type Client struct {
	endpointURL *url.URL
	creds       *Credentials
	region      string
	appInfo     string
	httpClient  *http.Client
}

// NewWithCredentials returns a client of the S3 service at endpoint.
func NewWithCredentials(endpoint string, creds *Credentials, secure bool, region string) (*Client, error) {
	scheme := "https"
	if !secure {
		scheme = "http"
	}
	u, err := url.Parse(scheme + "://" + endpoint)
	if err != nil {
		return nil, err
	}
	return &Client{endpointURL: u, creds: creds, region: region, httpClient: &http.Client{}}, nil
}

// SetAppInfo adds the application's name and version to the User-Agent.
func (c *Client) SetAppInfo(name, version string) {
	c.appInfo = name + "/" + version
}

// SetCustomTransport makes the client send through rt.
func (c *Client) SetCustomTransport(rt http.RoundTripper) {
	if c.httpClient != nil {
		c.httpClient.Transport = rt
	}
}

// ErrorResponse is an S3 error.
type ErrorResponse struct {
	Code       string
	StatusCode int
}

func (e ErrorResponse) Error() string { return fmt.Sprintf("s3: %s (%d)", e.Code, e.StatusCode) }

// ToErrorResponse returns err as an ErrorResponse.
func ToErrorResponse(err error) ErrorResponse {
	if e, ok := err.(ErrorResponse); ok {
		return e
	}
	return ErrorResponse{}
}

func (c *Client) do(ctx context.Context, method, bucket, object string, body io.Reader, size int64) (*http.Response, error) {
	u := *c.endpointURL
	u.Path = "/" + bucket + "/" + strings.TrimPrefix(object, "/")
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, err
	}
	if size >= 0 && body != nil {
		req.ContentLength = size
	}
	req.Header.Set("User-Agent", "minio-go/v6 "+c.appInfo)
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		code := "Error"
		if resp.StatusCode == http.StatusNotFound {
			code = "NoSuchKey"
		}
		return nil, ErrorResponse{Code: code, StatusCode: resp.StatusCode}
	}
	return resp, nil
}

// GetObjectOptions are the options of a GET.
type GetObjectOptions struct {
	rangeHeader string
}

// SetRange asks for the bytes from start to end (end 0: to the end).
func (o *GetObjectOptions) SetRange(start, end int64) error {
	if end == 0 {
		o.rangeHeader = fmt.Sprintf("bytes=%d-", start)
	} else {
		o.rangeHeader = fmt.Sprintf("bytes=%d-%d", start, end)
	}
	return nil
}

// GetObjectWithContext returns the object's content; the caller closes it.
func (c *Client) GetObjectWithContext(ctx context.Context, bucket, object string, opts GetObjectOptions) (io.ReadCloser, error) {
	resp, err := c.do(ctx, http.MethodGet, bucket, object, nil, -1)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// StatObject returns the size of the object.
func (c *Client) StatObject(bucket, object string) (int64, error) {
	resp, err := c.do(context.Background(), http.MethodHead, bucket, object, nil, -1)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.ContentLength, nil
}

// PutObjectWithContext uploads size bytes of r as the object.
func (c *Client) PutObjectWithContext(ctx context.Context, bucket, object string, r io.Reader, size int64) (int64, error) {
	resp, err := c.do(ctx, http.MethodPut, bucket, object, r, size)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return size, nil
}

// RemoveObject deletes the object.
func (c *Client) RemoveObject(bucket, object string) error {
	resp, err := c.do(context.Background(), http.MethodDelete, bucket, object, nil, -1)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return nil
}
