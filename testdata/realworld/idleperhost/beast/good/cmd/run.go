// Package cmd is the `beast run` command: nRequests requests, nParallel
// at a time, all to the URL of the request template.
package cmd

import (
	"net/http"
	"strings"
	"sync"

	client "example.com/realworld/idleperhost/beast/good"
	"example.com/realworld/idleperhost/beast/good/config"
)

// Run implements `beast run`.
func Run(nRequests, nParallel int, method, url, body, configFile string) []*client.Response {
	cfg := config.Default()
	if configFile != "" {
		cfg = config.Read(configFile)
	}
	httpClient := client.NewClient(cfg, nParallel)
	slots := make(chan struct{}, nParallel)
	out := make([]*client.Response, nRequests)
	var wg sync.WaitGroup
	for i := 0; i < nRequests; i++ {
		slots <- struct{}{}
		wg.Add(1)
		go func(i int) {
			defer func() { <-slots; wg.Done() }()
			req, err := http.NewRequest(method, url, strings.NewReader(body))
			if err != nil {
				out[i] = &client.Response{StatusCode: -100}
				return
			}
			out[i] = httpClient.Execute(client.BuildRequest(req))
		}(i)
	}
	wg.Wait()
	return out
}
