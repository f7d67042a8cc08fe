package transportreuse

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestMakerFacts checks the facts that transportmakers gives a package's
// functions (makers/user, a transportreuse scenario, checks what its
// callers make of them).
func TestMakerFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), makersAnalyzer, "makers/lib")
}
