// Package defaultoff turns keep-alives off on http.DefaultTransport at
// start-up: no idle connection is kept at all, so the per-host limit of
// its concurrent requests loses nothing (the same requests with
// keep-alives on are reported in scenario concurrent).
package defaultoff

import (
	"net/http"
	"sync"
)

func init() {
	http.DefaultTransport.(*http.Transport).DisableKeepAlives = true
}

func FetchAll(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			if resp, err := http.Get("http://inventory.internal/items/" + id); err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}
