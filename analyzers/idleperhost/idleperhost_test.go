package idleperhost_test

import (
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/idleperhost"
	"github.com/kalint/kalint/analyzers/internal/oneload"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestScenarios checks every scenario with one load of them (see
// oneload): the defaults on most; Options, and the flags that set the
// same options, on "flags"; fixes against golden files on "fix" and
// "flags".
func TestScenarios(t *testing.T) {
	t.Parallel()
	flagged := idleperhost.New(idleperhost.Options{})
	if err := flagged.Flags.Set("max-idle-per-host", "32"); err != nil {
		t.Fatal(err)
	}
	oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: idleperhost.Analyzer, Patterns: []string{
			"basic", "fields", "closures", "concurrent", "quiet", "generics", "crosspkg/user", "crosspkg/lib", "recall", "oneshot", "heldbase", "heldbasetuned", "holders", "polling", "values", "wrappers", "locked", "foreignclient", "foreignholder", "foreignholdertuned", "urlhelpers", "testseq", "testpar", "testload", "options", "proxies", "bursts", "defaultoff", "defaultproxy", "defaultproxytuned", "proxyonly"}},
		oneload.Case{Analyzer: idleperhost.Analyzer, Patterns: []string{"fix", "factory/user"}, Fixes: true},
		oneload.Case{Analyzer: idleperhost.New(idleperhost.Options{MaxIdlePerHost: 32}), Patterns: []string{"flags"}, Same: flagged, Fixes: true})
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
