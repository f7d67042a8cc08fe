// Package bad is the shape of Trendyol/go-dcp-elasticsearch's bulk
// writer before PR #97: a flush sends the batch once with the client's
// Bulk (a POST, package es), and any error, an "unexpected EOF" from a
// pooled connection the cluster had closed among them, fails the batch;
// the client library retries an EOF but not io.ErrUnexpectedEOF.
package bad

import (
	"bytes"
	"io"
	"net/http"

	"example.com/realworld/postretry/dcpelastic/bad/es"
)

// Bulk collects documents and flushes them to Elasticsearch.
type Bulk struct {
	esClient *es.Client
	items    [][]byte
}

// NewBulk returns a writer to address.
func NewBulk(address string) *Bulk {
	return &Bulk{esClient: &es.Client{Address: address, HTTP: &http.Client{}}}
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
	reader := bytes.NewReader(b.bytes())
	r, err := b.esClient.Bulk(reader)
	if err != nil {
		return err
	}
	defer r.Body.Close()
	_, err = io.Copy(io.Discard, r.Body)
	b.items = b.items[:0]
	return err
}
