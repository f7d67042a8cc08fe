package keepalivesoff_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/oneload"
	"github.com/kalint/kalint/analyzers/keepalivesoff"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestScenarios checks the scenarios with one load of them (see oneload):
// the defaults on most, -keepalivesoff.tests on "tests", where the
// defaults report nothing; fixes against golden files on "fix".
func TestScenarios(t *testing.T) {
	t.Parallel()
	a := keepalivesoff.New(keepalivesoff.Options{})
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: keepalivesoff.Analyzer, Patterns: []string{
			"basic", "requests", "servers", "closures", "generics", "quiet", "percall", "crosspkg/lib", "crosspkg/user", "unreplayed", "unixsocket", "connclose"}},
		oneload.Case{Analyzer: a, Patterns: []string{"tests"}, Quiet: keepalivesoff.Analyzer},
		oneload.Case{Analyzer: keepalivesoff.Analyzer, Patterns: []string{"fix"}, Fixes: true})
	if got := keepalivesoff.Analyzer.Flags.Lookup("tests").Value.String(); got != "false" {
		t.Errorf("default analyzer's tests = %s after setting another instance's", got)
	}
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(keepalivesoff.Analyzer.Doc, "\n")
	if summary != "report keep-alives disabled where requests repeat" {
		t.Errorf("summary = %q", summary)
	}
}
