// Package heldbasetuned is heldbase's Pusher in a package that raises
// DefaultTransport's per-host limit itself: quiet.
package heldbasetuned

import (
	"net/http"
	"sync"
)

func init() {
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 64
}

type Pusher struct {
	gateway string
}

func NewPusher(gateway string) *Pusher { return &Pusher{gateway: gateway} }

func (p *Pusher) Push() error {
	resp, err := http.DefaultClient.Get(p.gateway + "/metrics")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Pusher) PushAll(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { p.Push() })
	}
	wg.Wait()
}
