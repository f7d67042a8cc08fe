// Package good is the bulk writer after PR #97: Flush retries the POST up
// to MaxRetries times when it fails with io.ErrUnexpectedEOF, resetting
// the reader to the batch's bytes before each attempt.
package good

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	"example.com/realworld/postretry/dcpelastic/good/es"
)

// Bulk collects documents and flushes them to Elasticsearch.
type Bulk struct {
	esClient   *es.Client
	items      [][]byte
	MaxRetries int
}

// NewBulk returns a writer to address.
func NewBulk(address string) *Bulk {
	return &Bulk{esClient: &es.Client{Address: address, HTTP: &http.Client{}}, MaxRetries: 3}
}

func (b *Bulk) bytes() []byte {
	var buf bytes.Buffer
	for _, it := range b.items {
		buf.Write(it)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// Flush sends the collected documents.
func (b *Bulk) Flush() error {
	reader := bytes.NewReader(nil)
	batch := b.bytes()
	var err error
	for attempt := 1; attempt <= b.MaxRetries; attempt++ {
		reader.Reset(batch)
		var r *http.Response
		r, err = b.esClient.Bulk(reader)
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				continue
			}
			return err
		}
		defer r.Body.Close()
		_, err = io.Copy(io.Discard, r.Body)
		b.items = b.items[:0]
		return err
	}
	return err
}
