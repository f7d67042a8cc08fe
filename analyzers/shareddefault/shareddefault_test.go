package shareddefault_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"github.com/kalint/kalint/analyzers/shareddefault"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), shareddefault.Analyzer,
		"basic", "aliases", "calls", "replace", "mainpkg", "quiettests", "generics", "crosspkg/user", "values")
}

func TestCrossPackage(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), shareddefault.Analyzer, "crosspkg/lib")
}

func TestTests(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), shareddefault.New(shareddefault.Options{Tests: true}), "tests")
}

func TestFlag(t *testing.T) {
	t.Parallel()
	a := shareddefault.New(shareddefault.Options{})
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "tests")
	// Instances do not share flags.
	if got := shareddefault.Analyzer.Flags.Lookup("tests").Value.String(); got != "false" {
		t.Errorf("default analyzer's tests = %s after setting another instance's", got)
	}
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(shareddefault.Analyzer.Doc, "\n")
	if summary != "report writes to http.DefaultTransport and DefaultClient" {
		t.Errorf("summary = %q", summary)
	}
}

func TestSuggestedFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), shareddefault.Analyzer, "fix")
}

// The gate: a package that never names the defaults gets no SSA form from
// shareddefault. The probe runs after it and says whether it asked.
func TestGate(t *testing.T) {
	t.Parallel()
	sd := shareddefault.New(shareddefault.Options{})
	probe := &analysis.Analyzer{
		Name:     "probe",
		Doc:      "report whether shareddefault built the package's SSA form",
		Requires: []*analysis.Analyzer{ssapass.Analyzer, sd},
		Run: func(pass *analysis.Pass) (any, error) {
			msg := "SSA not built"
			if pass.ResultOf[ssapass.Analyzer].(*ssapass.Result).Builds() > 0 {
				msg = "SSA built"
			}
			pass.Reportf(pass.Files[0].Package, "%s", msg)
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), probe, "gate/quiet", "gate/named")
}
