// Package good is boxo's filestore after PR #1103: the body is closed by
// a defer as soon as the request succeeds, on every path.
package good

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Status says why a reference is corrupt.
type Status int

const (
	StatusFileError Status = iota + 1
	StatusFileChanged
)

// CorruptReferenceError is a reference that cannot be served.
type CorruptReferenceError struct {
	Code Status
	Err  error
}

func (c CorruptReferenceError) Error() string { return c.Err.Error() }

// ErrUrlstoreNotEnabled is returned for URL references when they are off.
var ErrUrlstoreNotEnabled = errors.New("urlstore is not enabled")

// DataObj is a stored reference: where a block's bytes are.
type DataObj struct {
	FilePath string
	Offset   uint64
	Size     uint64
	URL      bool
}

// FileManager serves blocks from the files and URLs they reference.
type FileManager struct {
	AllowUrls bool
	refs      map[string]*DataObj
}

// Get returns the bytes of the block whose sha256 is key.
func (f *FileManager) Get(ctx context.Context, key [32]byte) ([]byte, error) {
	d, ok := f.refs[string(key[:])]
	if !ok {
		return nil, errors.New("block not found")
	}
	return f.readDataObj(ctx, key, d)
}

func (f *FileManager) readDataObj(ctx context.Context, key [32]byte, d *DataObj) ([]byte, error) {
	if d.URL {
		return f.readURLDataObj(ctx, key, d)
	}
	return nil, errors.New("file references are not rebuilt here")
}

// readURLDataObj reads and verifies the block from its URL.
func (f *FileManager) readURLDataObj(ctx context.Context, key [32]byte, d *DataObj) ([]byte, error) {
	if !f.AllowUrls {
		return nil, ErrUrlstoreNotEnabled
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, d.FilePath, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("Range", fmt.Sprintf("bytes=%d-%d", d.Offset, d.Offset+d.Size-1))

	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, &CorruptReferenceError{StatusFileError, err}
	}
	defer res.Body.Close()

	if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusPartialContent {
		return nil, &CorruptReferenceError{StatusFileError, fmt.Errorf("expected HTTP 200 or 206 got %d", res.StatusCode)}
	}

	outbuf := make([]byte, d.Size)
	_, err = io.ReadFull(res.Body, outbuf)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, &CorruptReferenceError{StatusFileChanged, err}
		}
		return nil, &CorruptReferenceError{StatusFileError, err}
	}

	if sum := sha256.Sum256(outbuf); !bytes.Equal(sum[:], key[:]) {
		return nil, &CorruptReferenceError{StatusFileChanged, fmt.Errorf("data in file did not match. %s offset %d", d.FilePath, d.Offset)}
	}
	return outbuf, nil
}
