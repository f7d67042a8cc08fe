// Package optiontest checks, for analyzer tests, the -tests flag that
// option.TestsVar defines: one way for every analyzer that has it.
package optiontest

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Tests runs the scenario, whose wants lie in _test.go files, with fresh
// (a new instance of the analyzer) after setting its -tests flag, and
// checks the wants; then checks that def, the default instance, still has
// -tests off and reports nothing in the scenario.
func Tests(t *testing.T, fresh, def *analysis.Analyzer, scenario string) {
	t.Helper()
	if err := fresh.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), fresh, scenario)
	if got := def.Flags.Lookup("tests").Value.String(); got != "false" {
		t.Errorf("default analyzer's tests = %s after setting another instance's", got)
	}
	// Without the flag the wants must go unmet: analysistest's complaints
	// about them are swallowed, and the diagnostics counted instead.
	for _, r := range analysistest.Run(quiet{t}, analysistest.TestData(), def, scenario) {
		if len(r.Diagnostics) != 0 {
			t.Errorf("%d diagnostics in test files without -%s.tests", len(r.Diagnostics), def.Name)
		}
	}
}

// quiet swallows analysistest's complaints about unmet wants.
type quiet struct{ *testing.T }

func (quiet) Errorf(string, ...any) {}
