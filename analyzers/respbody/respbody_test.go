package respbody_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/respbody"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), respbody.Analyzer,
		"basic", "branches", "closures", "wrappers", "handoff", "loops", "generics",
		"nonnetwork", "reuse", "peer",
		"example.com/crosspkg/lib", "example.com/crosspkg/user")
}

func TestStrict(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), respbody.New(respbody.Options{Drain: respbody.DrainStrict}), "strict")
}

func TestFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), respbody.Analyzer, "fix")
}

func TestBadDrainFlag(t *testing.T) {
	t.Parallel()
	a := respbody.New(respbody.Options{})
	if err := a.Flags.Set("drain", "lazy"); err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(&errorCollector{T: t}, analysistest.TestData(), a, "fix")
	for _, r := range results {
		if r.Err == nil {
			t.Errorf("%s: no error for -respbody.drain=lazy", r.Pass.Pkg.Path())
		}
	}
}

// errorCollector lets analysistest.Run report the analyzer's error
// without failing the test; the test checks the error itself.
type errorCollector struct{ *testing.T }

func (e *errorCollector) Errorf(string, ...any) {}
