// Package bad is the shape of harness/ff-golang-server-sdk before PR #141:
// the SDK posts its metrics every minute over a pooled connection, and
// every other POST /metrics failed with EOF because the server had closed
// the idle connection in between.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"time"
)

type Processor struct {
	url    string
	client *http.Client
	data   map[string]int
}

func (p *Processor) send(ctx context.Context) error {
	body, err := json.Marshal(p.data)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url+"/metrics", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func (p *Processor) Run(ctx context.Context) {
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if err := p.send(ctx); err != nil {
				log.Printf("error sending metrics: %v", err)
			}
		}
	}
}
