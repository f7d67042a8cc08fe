package idleperhost

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPoolFacts checks the facts that idlepools gives a package's
// functions (factory/user, an idleperhost scenario, checks what its
// callers make of them).
func TestPoolFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), poolsAnalyzer, "factory/lib")
}
