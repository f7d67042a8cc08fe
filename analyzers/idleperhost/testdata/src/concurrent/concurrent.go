package concurrent

import (
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

const inventory = "http://inventory.internal:8080"

// Goroutines started in a loop, all to one host, through http.Get.
func goLoop(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(inventory + "/items/" + id) // want `http.Get sends concurrent requests to inventory.internal:8080 through http.DefaultTransport, which keeps 2 idle connections per host \(connections beyond 2 are closed after each burst: TIME_WAIT churn\)`
			if err == nil {
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
}

// The good twin: the same loop, sequential.
func sequential(ids []string) {
	for _, id := range ids {
		resp, err := http.Get(inventory + "/items/" + id)
		if err == nil {
			resp.Body.Close()
		}
	}
}

// One goroutine, not in a loop.
func once() {
	go http.Get(inventory + "/warmup")
}

// errgroup.Group.Go in a loop, through DefaultClient.Do.
func errgroupLoop(ids []string) error {
	var g errgroup.Group
	for _, id := range ids {
		g.Go(func() error {
			req, err := http.NewRequest(http.MethodDelete, inventory+"/items/"+id, nil)
			if err != nil {
				return err
			}
			resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient.Do sends concurrent requests to inventory.internal:8080`
			if err != nil {
				return err
			}
			return resp.Body.Close()
		})
	}
	return g.Wait()
}

// sync.WaitGroup.Go in a loop, through a helper.
func waitGroupGo(ids []string) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() { post(id) })
	}
	wg.Wait()
}

func post(id string) {
	resp, err := http.Post(inventory+"/items", "text/plain", strings.NewReader(id)) // want `http.Post sends concurrent requests to inventory.internal:8080`
	if err == nil {
		resp.Body.Close()
	}
}

// A worker pool: workers started in a loop read from a channel.
func pool(jobs <-chan string, n int) {
	c := &http.Client{Transport: http.DefaultTransport}
	for range n {
		go worker(c, jobs)
	}
}

func worker(c *http.Client, jobs <-chan string) {
	for id := range jobs {
		resp, err := c.Get("http://inventory.internal:8080/items/" + id) // want `c.Get sends concurrent requests to inventory.internal:8080`
		if err == nil {
			resp.Body.Close()
		}
	}
}

// A go statement that is the request itself.
func goCall(n int) {
	for range n {
		go http.Head(inventory + "/ping") // want `http.Head sends concurrent requests to inventory.internal:8080`
	}
}

// A client without a Transport uses DefaultTransport.
var timeoutOnly = &http.Client{Timeout: 5 * time.Second}

func fanOut(ids []string) {
	for _, id := range ids {
		go timeoutOnly.Get(inventory + "/items/" + id) // want `timeoutOnly.Get sends concurrent requests to inventory.internal:8080`
	}
}

// The good twin: a client with its own tuned transport set later.
var tuned = &http.Client{Timeout: 5 * time.Second}

func init() {
	tuned.Transport = &http.Transport{MaxIdleConnsPerHost: 64}
}

func fanOutTuned(ids []string) {
	for _, id := range ids {
		go tuned.Get(inventory + "/items/" + id)
	}
}

// Concurrent, but to URLs from a list: many hosts.
func crawl(urls []string) {
	for _, u := range urls {
		go http.Get(u)
	}
}

// Concurrent to one host through a dedicated transport that keeps enough
// idle connections.
func dedicated(ids []string) {
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 32}}
	for _, id := range ids {
		go c.Get(inventory + "/items/" + id)
	}
}
