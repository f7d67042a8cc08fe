// Package user gets its clients from lib.
package user

import (
	"crosspkg/lib"
	"net/http"
)

// Another package's constructor of an *http.Client is summarised in a
// fact when that package is of the module being developed: its client
// holds a fresh transport, one per request here. (See the foreign
// scenario for the well-known constructors of other modules.)
func handle(w http.ResponseWriter, r *http.Request) {
	lib.NewClient().Get("http://backend") // want `lib.NewClient\(\) creates an http.Transport on every request handled by handle \(no connection is reused; idle connections leak until the server closes them\)`
}

// Made once, kept: quiet.
var client = lib.NewClient()

func handleGood(w http.ResponseWriter, r *http.Request) {
	client.Get("http://backend")
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
