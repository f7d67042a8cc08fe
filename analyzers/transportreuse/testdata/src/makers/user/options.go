package user

import (
	"makers/lib"
	"net/http"
)

// A client per request, its keep-alives on: nothing here sets the field
// they follow.
func handleOptions(w http.ResponseWriter, r *http.Request) {
	c := lib.NewOptionsClient(lib.WithInsecure(true)) // want `lib.NewOptionsClient\(\) creates an http.Transport on every request handled by handleOptions`
	if resp, err := c.Get(backend); err == nil {
		resp.Body.Close()
	}
}

// Keep-alives that lib's own option may turn off: quiet.
func handleSettings(w http.ResponseWriter, r *http.Request) {
	c := lib.NewSettingsClient(lib.WithoutKeepAlive())
	if resp, err := c.Get(backend); err == nil {
		resp.Body.Close()
	}
}
