package dialkeepalive_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kalint/kalint/analyzers/dialkeepalive"
	"github.com/kalint/kalint/analyzers/internal/oneload"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestScenarios checks every scenario with one load of them (see
// oneload): the defaults on most; Options, and the flags that set the
// same options, on "flags"; fixes against golden files on "fix" and
// "flags".
func TestScenarios(t *testing.T) {
	t.Parallel()
	flagged := dialkeepalive.New(dialkeepalive.Options{})
	for name, value := range map[string]string{"min-keep-alive": "15s", "idle-conn-timeout": "2m"} {
		if err := flagged.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	tests := dialkeepalive.New(dialkeepalive.Options{})
	if err := tests.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: dialkeepalive.Analyzer, Patterns: []string{
			"basic", "idle", "threshold", "closures", "quiet", "server", "generics", "crosspkg/user", "crosspkg/lib", "protocols"}},
		oneload.Case{Analyzer: dialkeepalive.Analyzer, Patterns: []string{"fix"}, Fixes: true},
		oneload.Case{Analyzer: dialkeepalive.New(dialkeepalive.Options{MinKeepAlive: 15 * time.Second, IdleConnTimeout: 2 * time.Minute}), Patterns: []string{"flags"}, Same: flagged, Fixes: true},
		oneload.Case{Analyzer: dialkeepalive.New(dialkeepalive.Options{Tests: true}), Patterns: []string{"testfiles"}, Same: tests, Quiet: dialkeepalive.Analyzer})
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
