package respbody

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestMakerFacts checks the facts that respmakers gives a package's
// senders (example.com/crosspkg/user, a respbody scenario, checks what
// their callers make of them).
func TestMakerFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), makersAnalyzer, "example.com/makers")
}
