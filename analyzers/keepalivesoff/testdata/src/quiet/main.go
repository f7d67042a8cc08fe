// Command quiet is a one-shot program: one request, keep-alives off.
package main

import (
	"net/http"
	"os"
)

var client = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

func main() {
	req, _ := http.NewRequest("GET", os.Args[1], nil)
	req.Close = true
	req.Header.Set("Connection", "close")
	resp, err := client.Do(req)
	if err != nil {
		os.Exit(1)
	}
	resp.Body.Close()
	check(os.Args[2])
}

// check runs once: its only caller is main, outside any loop.
func check(url string) {
	tr := &http.Transport{DisableKeepAlives: true}
	c := &http.Client{Transport: tr}
	if resp, err := c.Get(url); err == nil {
		resp.Body.Close()
	}
}

// A transport handed to code the package cannot see.
func wrap(rt func(http.RoundTripper) http.RoundTripper) http.RoundTripper {
	return rt(&http.Transport{DisableKeepAlives: true})
}

// Configured, not constant.
func configured(off bool) *http.Transport {
	return &http.Transport{DisableKeepAlives: off}
}

var _, _ = wrap, configured

// A command-line switch: two send sites, but only one runs.
func command(name, url string) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	switch name {
	case "get":
		c.Get(url)
	case "head":
		c.Head(url)
	}
}

var _ = command
