package respbody_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/oneload"
	"github.com/kalint/kalint/analyzers/respbody"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	// One load of every scenario (see oneload): the defaults on most,
	// -drain=strict on "strict", -respbody.tests on "tests" (where the
	// defaults report nothing), fixes against golden files on "fix".
	tests := respbody.New(respbody.Options{})
	if err := tests.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	results := oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: respbody.Analyzer, Patterns: []string{
			"basic", "branches", "closures", "wrappers", "handoff", "loops", "generics",
			"nonnetwork", "reuse", "reuse/swapped", "peer", "bodiless", "retry",
			"example.com/crosspkg/lib", "example.com/crosspkg/user", "example.com/acme/api"}},
		oneload.Case{Analyzer: respbody.New(respbody.Options{Drain: respbody.DrainStrict}), Patterns: []string{"strict"}},
		oneload.Case{Analyzer: tests, Patterns: []string{"tests"}, Quiet: respbody.Analyzer},
		oneload.Case{Analyzer: respbody.Analyzer, Patterns: []string{"fix"}, Fixes: true})
	if got := respbody.Analyzer.Flags.Lookup("tests").Value.String(); got != "false" {
		t.Errorf("default analyzer's tests = %s after setting another instance's", got)
	}
	// The message does not say where the leaking path returns; Related
	// does (checked where the scenarios used to say it in the message).
	returns := map[string]int{"basic.go:22": 27, "basic.go:47": 52, "basic.go:70": 72,
		"basic.go:144": 152, "basic.go:226": 231, "branches.go:44": 54}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "on a path that returns") {
				continue
			}
			posn := r.Pass.Fset.Position(d.Pos)
			at := fmt.Sprintf("%s:%d", filepath.Base(posn.Filename), posn.Line)
			want, ok := returns[at]
			if !ok {
				continue
			}
			if len(d.Related) == 0 || r.Pass.Fset.Position(d.Related[0].Pos).Line != want {
				t.Errorf("%s: related %v, want the return at line %d", at, d.Related, want)
			}
			delete(returns, at)
		}
	}
	for at := range returns {
		t.Errorf("%s: no leak reported on a path that returns", at)
	}
	// A golden file is compared only for a file that gets a fix: the
	// `_ = resp.Body.Close()` drain of retried.go must be offered.
	fixed := false
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if posn := r.Pass.Fset.Position(d.Pos); filepath.Base(posn.Filename) == "retried.go" && posn.Line == 16 {
				fixed = len(d.SuggestedFixes) > 0
			}
		}
	}
	if !fixed {
		t.Error("retried.go:16: no drain fix offered")
	}
}

// A module whose path has no dot (module myservice): its own packages are
// not the standard library.
func TestDotlessModule(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, filepath.Join(analysistest.TestData(), "src", "dotless"), respbody.Analyzer, "./...")
}

// A bad value stops at the flag, a bad Options value at New.
func TestBadOptions(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"lazy", "Strict", ""} {
		if err := respbody.New(respbody.Options{}).Flags.Set("drain", v); err == nil {
			t.Errorf("-drain=%q accepted", v)
		}
	}
	if err := respbody.New(respbody.Options{}).Flags.Set("drain", respbody.DrainStrict); err != nil {
		t.Errorf("-drain=%s: %v", respbody.DrainStrict, err)
	}
	defer func() {
		if recover() == nil {
			t.Error("New accepted Drain lazy")
		}
	}()
	respbody.New(respbody.Options{Drain: "lazy"})
}
