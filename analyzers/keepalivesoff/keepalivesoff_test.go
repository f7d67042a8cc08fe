package keepalivesoff_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/option/optiontest"
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
	optiontest.Tests(t, keepalivesoff.New(keepalivesoff.Options{}), keepalivesoff.Analyzer, "tests")
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(keepalivesoff.Analyzer.Doc, "\n")
	if summary != "report keep-alives disabled where requests repeat" {
		t.Errorf("summary = %q", summary)
	}
}
