// Command oneshot sends a few requests and exits: a raised MaxConnsPerHost
// costs nothing there, unless workers share the transport.
package main

import (
	"net/http"
	"os"
	"sync"
)

var shared = &http.Transport{MaxConnsPerHost: 8} // want `http.Transport sets MaxConnsPerHost to 8 but keeps 2 idle connections per host`

func main() {
	c := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 8}}
	resp, err := c.Get(os.Args[1])
	if err == nil {
		resp.Body.Close()
	}
	var wg sync.WaitGroup
	for _, u := range os.Args[2:] {
		wg.Go(func() {
			resp, err := (&http.Client{Transport: shared}).Get(u)
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}
