package flags

import "net/http"

func client(n int) {
	for range n {
		go poll()
	}
}

func poll() {
	c := &http.Client{Transport: &http.Transport{}} // want `every request goes to inventory.internal:8080 `
	c.Get("http://inventory.internal:8080/items")
}
