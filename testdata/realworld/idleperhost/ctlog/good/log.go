// Package good is boulder's CT log client after PR #7349: the per-host limit
// equals MaxIdleConns, since the transport serves one log only.
package good

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
		MaxIdleConnsPerHost: http.DefaultTransport.(*http.Transport).MaxIdleConns,
		IdleConnTimeout:     http.DefaultTransport.(*http.Transport).IdleConnTimeout,
		TLSHandshakeTimeout: http.DefaultTransport.(*http.Transport).TLSHandshakeTimeout,
	}
	return &Log{uri: uri, client: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

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
