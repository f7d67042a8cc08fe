package idleperhost_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/idleperhost"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), idleperhost.Analyzer,
		"basic", "fields", "closures", "concurrent", "quiet", "generics", "crosspkg/user", "recall", "oneshot")
}

func TestCrossPackage(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), idleperhost.Analyzer, "crosspkg/lib")
}

func TestSuggestedFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), idleperhost.Analyzer, "fix")
}

func TestOptions(t *testing.T) {
	t.Parallel()
	a := idleperhost.New(idleperhost.Options{MaxIdlePerHost: 32})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "flags")
}

func TestFlag(t *testing.T) {
	t.Parallel()
	a := idleperhost.New(idleperhost.Options{})
	if err := a.Flags.Set("max-idle-per-host", "32"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "flags")
	// Instances do not share flags.
	if got := idleperhost.Analyzer.Flags.Lookup("max-idle-per-host").Value.String(); got != "100" {
		t.Errorf("default analyzer's max-idle-per-host = %s after setting another instance's", got)
	}
}

// A bad value stops at the flag, a bad Options value at New.
func TestBadOptions(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"0", "-3", "many"} {
		if err := idleperhost.New(idleperhost.Options{}).Flags.Set("max-idle-per-host", v); err == nil {
			t.Errorf("-max-idle-per-host=%s accepted", v)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("New accepted MaxIdlePerHost -3")
		}
	}()
	idleperhost.New(idleperhost.Options{MaxIdlePerHost: -3})
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(idleperhost.Analyzer.Doc, "\n")
	if summary != "report single-host clients keeping 2 idle connections" {
		t.Errorf("summary = %q", summary)
	}
}
