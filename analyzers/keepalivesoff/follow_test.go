package keepalivesoff

import (
	"slices"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
)

// TestWalksDeclared checks that the calls keepalivesoff walks up from (the
// lists it gives sendsThrough, whose calls repeats follows to their
// callers) are declared walked up from, so that ssapass builds those
// callers.
func TestWalksDeclared(t *testing.T) {
	t.Parallel()
	for _, list := range []httpapi.Callees{httpapi.TransportSends, httpapi.ClientSends, {httpapi.ClientDo}, httpapi.ServerServes} {
		for _, m := range list.Flat() {
			if !slices.Contains(httpapi.UpCalls, m) {
				t.Errorf("%s is not in httpapi.UpCalls: its callers may not be built", m)
			}
		}
	}
}
