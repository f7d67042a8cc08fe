package keepalivesoff_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/keepalivesoff"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), keepalivesoff.Analyzer,
		"basic", "requests", "servers", "closures", "generics", "quiet", "percall", "crosspkg/lib", "crosspkg/user")
}

func TestSuggestedFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), keepalivesoff.Analyzer, "fix")
}

func TestTestsFlag(t *testing.T) {
	t.Parallel()
	a := keepalivesoff.New(keepalivesoff.Options{})
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "tests")
	if got := keepalivesoff.Analyzer.Flags.Lookup("tests").Value.String(); got != "false" {
		t.Errorf("default analyzer's tests = %s after setting another instance's", got)
	}
}

func TestTestsQuietByDefault(t *testing.T) {
	t.Parallel()
	// The scenario's wants hold only with -keepalivesoff.tests: without it,
	// analysistest must report them as missing.
	res := analysistest.Run(&quiet{T: t}, analysistest.TestData(), keepalivesoff.Analyzer, "tests")
	for _, r := range res {
		if len(r.Diagnostics) != 0 {
			t.Errorf("%d diagnostics in test files without -keepalivesoff.tests", len(r.Diagnostics))
		}
	}
}

// quiet swallows analysistest's complaints about unmet wants.
type quiet struct{ *testing.T }

func (q *quiet) Errorf(string, ...any) {}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(keepalivesoff.Analyzer.Doc, "\n")
	if summary != "report keep-alives disabled where requests repeat" {
		t.Errorf("summary = %q", summary)
	}
}
