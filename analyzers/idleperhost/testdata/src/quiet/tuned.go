package quiet

import (
	"net/http"
	"sync"
)

// The package raises DefaultTransport's per-host limit itself.
func init() {
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 100
}

func concurrentDefault(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() { http.Get(host + id) })
	}
	wg.Wait()
}

// Clones inherit the package's setting.
func clone() {
	t := http.DefaultTransport.(*http.Transport).Clone()
	c := &http.Client{Transport: t}
	for range 3 {
		go c.Get(host)
	}
}
