// Package user gets its clients from lib.
package user

import (
	"crosspkg/lib"
	"net/http"
)

// Another package's constructor of an *http.Client is not summarised (no
// facts): whether the client holds a fresh transport cannot be told, so it
// is not reported. See the foreign scenario for the ones that are.
func handle(w http.ResponseWriter, r *http.Request) {
	lib.NewClient().Get("http://backend")
}

// A Clone is recognised on any transport, another package's included.
func handleClone(w http.ResponseWriter, r *http.Request) {
	tr := lib.Base.Clone() // want `cloned on every request handled by handleClone`
	tr.RoundTrip(r)
}

var base = lib.Base.Clone()

func handleCloneGood(w http.ResponseWriter, r *http.Request) {
	base.RoundTrip(r)
}
