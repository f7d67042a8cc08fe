// Command mainpkg sets the defaults for the whole program: its choice.
package main

import (
	"net/http"
	"time"
)

func init() {
	http.DefaultClient.Timeout = 30 * time.Second
}

func main() {
	http.DefaultTransport.(*http.Transport).MaxIdleConnsPerHost = 64
	setup()
	defer teardown()
	http.DefaultTransport = &http.Transport{}
	func() { http.DefaultClient.Timeout = time.Minute }()
	go background()
	http.HandleFunc("/", handle)
	http.ListenAndServe(":8080", nil)
}

func setup() {
	tune(http.DefaultTransport.(*http.Transport))
	http.DefaultClient = &http.Client{}
}

func tune(t *http.Transport) { t.IdleConnTimeout = time.Minute }

func teardown() { http.DefaultTransport.(*http.Transport).DisableKeepAlives = true }

// background runs as a goroutine, while requests are in flight.
func background() {
	http.DefaultTransport.(*http.Transport).MaxIdleConns = 10 // want `assignment to http.DefaultTransport.\(\*http.Transport\).MaxIdleConns changes`
}

// handle runs on every request.
func handle(w http.ResponseWriter, r *http.Request) {
	http.DefaultClient.Timeout = time.Second // want `assignment to http.DefaultClient.Timeout changes`
}
