// Package bad is the shape of letsencrypt/boulder's CT log client before
// PR #7349: each log gets its own Transport with MaxIdleConns raised to
// DefaultTransport's 100 but the per-host limit left at 2, although the
// client only ever talks to its one log, from many concurrent submissions.
package bad

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"time"
)

type Log struct {
	uri    string
	client *http.Client
}

func NewLog(uri string) *Log {
	tr := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		MaxIdleConns:        http.DefaultTransport.(*http.Transport).MaxIdleConns,
		IdleConnTimeout:     http.DefaultTransport.(*http.Transport).IdleConnTimeout,
		TLSHandshakeTimeout: http.DefaultTransport.(*http.Transport).TLSHandshakeTimeout,
	}
	return &Log{uri: uri, client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

// AddChain submits a chain; the publisher calls it from one goroutine per
// certificate.
func (l *Log) AddChain(ctx context.Context, chain []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.uri+"/ct/v1/add-chain", bytes.NewReader(chain))
	if err != nil {
		return nil, err
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func (l *Log) SubmitAll(ctx context.Context, chains [][]byte) {
	done := make(chan struct{})
	for _, c := range chains {
		go func() {
			l.AddChain(ctx, c)
			done <- struct{}{}
		}()
	}
	for range chains {
		<-done
	}
}
