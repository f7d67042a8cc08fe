package testload

import (
	"net/http"
	"sync"
	"testing"
)

// A test that sends from goroutines overlaps its requests.
var loadClient = &Client{HTTP: &http.Client{Transport: &http.Transport{}}, Base: "http://127.0.0.1:8080"} // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in Client.Base`

func load(n int) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { loadClient.Get("item") })
	}
	wg.Wait()
}

func TestLoad(t *testing.T) { load(8) }
