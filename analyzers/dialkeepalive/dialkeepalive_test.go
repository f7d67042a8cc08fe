package dialkeepalive_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kalint/kalint/analyzers/dialkeepalive"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), dialkeepalive.Analyzer,
		"basic", "idle", "threshold", "closures", "quiet", "server", "generics", "crosspkg/user")
}

func TestCrossPackage(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), dialkeepalive.Analyzer, "crosspkg/lib")
}

func TestSuggestedFix(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), dialkeepalive.Analyzer, "fix")
}

func TestOptions(t *testing.T) {
	t.Parallel()
	a := dialkeepalive.New(dialkeepalive.Options{MinKeepAlive: 15 * time.Second, IdleConnTimeout: 2 * time.Minute})
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "flags")
}

func TestFlags(t *testing.T) {
	t.Parallel()
	a := dialkeepalive.New(dialkeepalive.Options{})
	for name, value := range map[string]string{"min-keep-alive": "15s", "idle-conn-timeout": "2m"} {
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "flags")
	// Instances do not share flags.
	if got := dialkeepalive.Analyzer.Flags.Lookup("min-keep-alive").Value.String(); got != "5s" {
		t.Errorf("default analyzer's min-keep-alive = %s after setting another instance's", got)
	}
}

// A bad value stops at the flag, a bad Options value at New.
func TestBadOptions(t *testing.T) {
	t.Parallel()
	for _, flag := range []string{"min-keep-alive", "idle-conn-timeout"} {
		for _, value := range []string{"0s", "-1s", "soon"} {
			if err := dialkeepalive.New(dialkeepalive.Options{}).Flags.Set(flag, value); err == nil {
				t.Errorf("-%s=%s accepted", flag, value)
			}
		}
	}
	for _, opts := range []dialkeepalive.Options{{MinKeepAlive: -time.Second}, {IdleConnTimeout: -time.Second}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New accepted %+v", opts)
				}
			}()
			dialkeepalive.New(opts)
		}()
	}
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(dialkeepalive.Analyzer.Doc, "\n")
	if summary != "report TCP keep-alive mistaken for HTTP idle keep-alive" {
		t.Errorf("summary = %q", summary)
	}
}
