// Package peek holds reader helpers of another package, as go-git's
// utils/ioutil: respbody sees only their signatures.
package peek

import (
	"bufio"
	"errors"
	"io"
)

// ErrEmptyReader is returned by NonEmptyReader for a reader at EOF.
var ErrEmptyReader = errors.New("reader is empty")

// NonEmptyReader returns r if it is not empty, or ErrEmptyReader.
func NonEmptyReader(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	if _, err := br.Peek(1); err == io.EOF {
		return nil, ErrEmptyReader
	} else if err != nil {
		return nil, err
	}
	return br, nil
}

// ErrHeader is returned by NewDecoder for a stream of the wrong format.
var ErrHeader = errors.New("bad header")

// A Decoder reads a stream that starts with a header.
type Decoder struct{ r io.Reader }

// Read reads the stream after its header.
func (d *Decoder) Read(p []byte) (int, error) { return d.r.Read(p) }

// NewDecoder reads and checks the header of r: like gzip.NewReader, it
// fails on content, short of r's EOF.
func NewDecoder(r io.Reader) (*Decoder, error) {
	h := make([]byte, 4)
	if _, err := io.ReadFull(r, h); err != nil {
		return nil, err
	}
	if string(h) != "PACK" {
		return nil, ErrHeader
	}
	return &Decoder{r}, nil
}

// Check reads a status line from r.
func Check(r io.Reader) error {
	_, err := bufio.NewReader(r).ReadString('\n')
	return err
}
