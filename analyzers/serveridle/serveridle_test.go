package serveridle_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kalint/kalint/analyzers/internal/oneload"
	"github.com/kalint/kalint/analyzers/serveridle"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestScenarios checks every scenario with one load of them (see
// oneload): the defaults on most; Options, and the flags that set the
// same options, on "flags"; fixes against golden files on "fix" and
// "flags".
func TestScenarios(t *testing.T) {
	t.Parallel()
	flagged := serveridle.New(serveridle.Options{})
	if err := flagged.Flags.Set("idle-timeout", "90s"); err != nil {
		t.Fatal(err)
	}
	oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: serveridle.Analyzer, Patterns: []string{
			"basic", "branches", "closures", "fields", "generics", "quiet", "crosspkg/user", "crosspkg/lib"}},
		oneload.Case{Analyzer: serveridle.Analyzer, Patterns: []string{"fix"}, Fixes: true},
		oneload.Case{Analyzer: serveridle.New(serveridle.Options{IdleTimeout: 90 * time.Second}), Patterns: []string{"flags"}, Same: flagged, Fixes: true})
	// Instances do not share flags.
	if got := serveridle.Analyzer.Flags.Lookup("idle-timeout").Value.String(); got != "2m0s" {
		t.Errorf("default analyzer's idle-timeout = %s after setting another instance's", got)
	}
}

// A bad value stops at the flag, a bad Options value at New.
func TestBadOptions(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"0s", "-1m", "soon"} {
		if err := serveridle.New(serveridle.Options{}).Flags.Set("idle-timeout", v); err == nil {
			t.Errorf("-idle-timeout=%s accepted", v)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("New accepted IdleTimeout -1m")
		}
	}()
	serveridle.New(serveridle.Options{IdleTimeout: -time.Minute})
}

func TestDoc(t *testing.T) {
	t.Parallel()
	a := serveridle.Analyzer
	summary, _, _ := strings.Cut(a.Doc, "\n")
	if summary != "report http.Server with ReadTimeout but no IdleTimeout" {
		t.Errorf("summary = %q", summary)
	}
}
