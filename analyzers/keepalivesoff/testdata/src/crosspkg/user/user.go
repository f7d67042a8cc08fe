// Package user uses lib's clients in loops: lib's values are judged in lib.
package user

import (
	"crosspkg/lib"
	"net/http"
)

func Loop(urls []string) {
	c := lib.NewClient()
	for _, u := range urls {
		if resp, err := c.Do(lib.NewRequest(u)); err == nil {
			resp.Body.Close()
		}
	}
}

func LoopLocal(urls []string) {
	for _, u := range urls {
		req := lib.NewRequest(u)
		req.Header.Set("Connection", "close") // want `sets Connection: close`
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}
