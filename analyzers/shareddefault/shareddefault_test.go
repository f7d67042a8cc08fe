package shareddefault_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/shareddefault"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), shareddefault.Analyzer,
		"basic", "aliases")
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(shareddefault.Analyzer.Doc, "\n")
	if summary != "report writes to http.DefaultTransport and DefaultClient" {
		t.Errorf("summary = %q", summary)
	}
}
