// Package closures sends from closures and helpers.
package closures

import "net/http"

// A handler closure shares the transport: it runs once per request.
func Routes(mux *http.ServeMux, backend string) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `sets DisableKeepAlives`
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if resp, err := c.Get(backend); err == nil {
			resp.Body.Close()
		}
	})
}

// Good twin: the transport is made inside the handler, for one request,
// and disabling keep-alives stops idle connections from piling up.
func RoutesOneShot(mux *http.ServeMux, backend string) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		if resp, err := c.Get(backend); err == nil {
			resp.Body.Close()
		}
	})
}

// A helper called in a loop sends through the shared transport.
func Crawl(urls []string) {
	c := newClient()
	for _, u := range urls {
		get(c, u)
	}
}

func newClient() *http.Client {
	return &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `sets DisableKeepAlives`
}

func get(c *http.Client, u string) {
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

// A transport made per call of a helper: one request each.
func CrawlOneShot(urls []string) {
	for _, u := range urls {
		fetchOnce(u)
	}
}

func fetchOnce(u string) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if resp, err := c.Get(u); err == nil {
		resp.Body.Close()
	}
}

// Requests built by a helper and sent by goroutines started in a loop.
func Fan(urls []string) {
	for _, u := range urls {
		go func() {
			req := newReq(u)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
	}
}

func newReq(u string) *http.Request {
	req, _ := http.NewRequest("GET", u, nil)
	req.Close = true // want `sets Close`
	return req
}

func FanGood(urls []string) {
	for _, u := range urls {
		go func() {
			req, _ := http.NewRequest("GET", u, nil)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
	}
}
