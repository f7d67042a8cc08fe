// Package good is ff-golang-server-sdk after PR #141: the metrics request
// asks for its connection to be closed, so no stale pooled connection is
// reused for it.
package good

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
	req.Header.Set("Connection", "close")
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
