// Package good is thanos-io/thanos's pkg/objstore/s3 after PR #2343: the
// minio client's transport also sets MaxIdleConnsPerHost to 100, so all of
// its idle connections may be to the bucket's one endpoint.
package good

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"time"

	"example.com/realworld/idleperhost/thanoss3/good/minio"
)

// HTTPConfig stores the http.Transport configuration for the minio client.
type HTTPConfig struct {
	IdleConnTimeout       time.Duration
	ResponseHeaderTimeout time.Duration
	InsecureSkipVerify    bool
}

// Config stores the configuration of an S3 bucket.
type Config struct {
	Bucket     string
	Endpoint   string
	Region     string
	AccessKey  string
	SecretKey  string
	Insecure   bool
	HTTPConfig HTTPConfig
}

// DefaultConfig is the configuration a bucket starts from.
var DefaultConfig = Config{
	HTTPConfig: HTTPConfig{
		IdleConnTimeout:       90 * time.Second,
		ResponseHeaderTimeout: 2 * time.Minute,
	},
}

// Bucket implements the object-store Bucket interface against an
// S3-compatible API.
type Bucket struct {
	name   string
	client *minio.Client
}

// NewBucketWithConfig returns a Bucket for config.
func NewBucketWithConfig(config Config, component string) (*Bucket, error) {
	if config.Endpoint == "" {
		return nil, errors.New("no s3 endpoint in config file")
	}
	creds := &minio.Credentials{AccessKeyID: config.AccessKey, SecretAccessKey: config.SecretKey}
	client, err := minio.NewWithCredentials(config.Endpoint, creds, !config.Insecure, config.Region)
	if err != nil {
		return nil, fmt.Errorf("initialize s3 client: %w", err)
	}
	client.SetAppInfo(fmt.Sprintf("thanos-%s", component), runtime.Version())
	client.SetCustomTransport(&http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   100,
		IdleConnTimeout:       config.HTTPConfig.IdleConnTimeout,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		// The one change from minio's default transport: a server that
		// accepts the connection but never answers is given up on.
		ResponseHeaderTimeout: config.HTTPConfig.ResponseHeaderTimeout,
		// Objects stored with Content-Encoding gzip must come back as
		// stored, not decoded by the transport.
		DisableCompression: true,
		TLSClientConfig:    &tls.Config{InsecureSkipVerify: config.HTTPConfig.InsecureSkipVerify},
	})
	return &Bucket{name: config.Bucket, client: client}, nil
}

// Name returns the bucket's name.
func (b *Bucket) Name() string { return b.name }

func (b *Bucket) getRange(ctx context.Context, name string, off, length int64) (io.ReadCloser, error) {
	var opts minio.GetObjectOptions
	if length != -1 {
		if err := opts.SetRange(off, off+length-1); err != nil {
			return nil, err
		}
	} else if off > 0 {
		if err := opts.SetRange(off, 0); err != nil {
			return nil, err
		}
	}
	return b.client.GetObjectWithContext(ctx, b.name, name, opts)
}

// Get returns a reader of the object.
func (b *Bucket) Get(ctx context.Context, name string) (io.ReadCloser, error) {
	return b.getRange(ctx, name, 0, -1)
}

// GetRange returns a reader of length bytes of the object from off.
func (b *Bucket) GetRange(ctx context.Context, name string, off, length int64) (io.ReadCloser, error) {
	return b.getRange(ctx, name, off, length)
}

// Exists reports whether the object exists.
func (b *Bucket) Exists(_ context.Context, name string) (bool, error) {
	if _, err := b.client.StatObject(b.name, name); err != nil {
		if b.IsObjNotFoundErr(err) {
			return false, nil
		}
		return false, fmt.Errorf("stat s3 object: %w", err)
	}
	return true, nil
}

// Upload stores the contents of r as the object.
func (b *Bucket) Upload(ctx context.Context, name string, r io.Reader, size int64) error {
	if _, err := b.client.PutObjectWithContext(ctx, b.name, name, r, size); err != nil {
		return fmt.Errorf("upload s3 object: %w", err)
	}
	return nil
}

// Delete removes the object.
func (b *Bucket) Delete(_ context.Context, name string) error {
	return b.client.RemoveObject(b.name, name)
}

// IsObjNotFoundErr reports whether err means the object does not exist.
func (b *Bucket) IsObjNotFoundErr(err error) bool {
	return minio.ToErrorResponse(err).Code == "NoSuchKey"
}
