// Package internal holds the harvester's gzip helper.
package internal

import (
	"bytes"
	"compress/gzip"
)

// Compress returns b gzipped in a buffer.
func Compress(b []byte) (*bytes.Buffer, error) {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	_, err := zw.Write(b)
	zw.Close()
	if err != nil {
		return nil, err
	}
	return &out, nil
}
