package transportreuse_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), transportreuse.Analyzer,
		"basic", "handlers", "loops", "constructors", "closed", "quiet", "notests", "generics", "crosspkg/user")
}

func TestCrossPackage(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), transportreuse.Analyzer, "crosspkg/lib")
}

func TestOptions(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), transportreuse.New(transportreuse.Options{Tests: true}), "tests")
	analysistest.Run(t, analysistest.TestData(), transportreuse.New(transportreuse.Options{Strict: true}), "strict")
}

func TestFlags(t *testing.T) {
	t.Parallel()
	a := transportreuse.New(transportreuse.Options{})
	for _, name := range []string{"tests", "strict"} {
		if err := a.Flags.Set(name, "true"); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.Run(t, analysistest.TestData(), a, "tests", "strict")
	// Instances do not share flags.
	for _, name := range []string{"tests", "strict"} {
		if got := transportreuse.Analyzer.Flags.Lookup(name).Value.String(); got != "false" {
			t.Errorf("default analyzer's %s = %s after setting another instance's", name, got)
		}
	}
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(transportreuse.Analyzer.Doc, "\n")
	if summary != "report http.Transport made per request and dropped" {
		t.Errorf("summary = %q", summary)
	}
}
