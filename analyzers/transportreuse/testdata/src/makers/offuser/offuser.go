// Package offuser turns off the keep-alives of the clients it makes per
// request: no pool is lost, so it is quiet.
package offuser

import (
	"makers/lib"
	"net/http"
)

func noKeepAlive(o *lib.Options) { o.DisableKeepAlive = true }

func handle(w http.ResponseWriter, r *http.Request) {
	c := lib.NewOptionsClient(noKeepAlive)
	if resp, err := c.Get("http://backend.internal/items"); err == nil {
		resp.Body.Close()
	}
}
