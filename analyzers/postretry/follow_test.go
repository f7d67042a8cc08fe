package postretry

import (
	"slices"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
)

// TestSendsWalkedUp checks that every send postretry walks up from (to a
// retry loop in a caller) is declared walked up from, so that ssapass
// builds the callers the walk goes to.
func TestSendsWalkedUp(t *testing.T) {
	t.Parallel()
	for _, s := range sends {
		if !slices.Contains(httpapi.UpCalls, s.fn) {
			t.Errorf("%s is not in httpapi.UpCalls: its callers may not be built", s.name)
		}
	}
}
