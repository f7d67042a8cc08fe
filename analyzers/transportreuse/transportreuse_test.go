package transportreuse_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/oneload"
	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestScenarios checks every scenario with one load of them (see
// oneload): the defaults on most; Options, and the flags that set the
// same options, on "tests" and "strict". It also checks that a
// constructor call's diagnostic points at the construction inside the
// constructor (scenario "constructors").
func TestScenarios(t *testing.T) {
	t.Parallel()
	flagged := transportreuse.New(transportreuse.Options{})
	for _, name := range []string{"tests", "strict"} {
		if err := flagged.Flags.Set(name, "true"); err != nil {
			t.Fatal(err)
		}
	}
	results := oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: transportreuse.Analyzer, Patterns: []string{
			"basic", "handlers", "wrappers", "loops", "constructors", "closed", "quiet", "notests", "generics",
			"crosspkg/user", "foreign", "crosspkg/lib", "recall", "proxies", "assigned", "polls", "holders", "wrapped", "controllers", "protocols", "replaced", "connclose", "makers/user", "makers/offuser"}},
		oneload.Case{Analyzer: transportreuse.New(transportreuse.Options{Tests: true}), Patterns: []string{"tests"}, Same: flagged},
		oneload.Case{Analyzer: transportreuse.New(transportreuse.Options{Strict: true}), Patterns: []string{"strict"}, Same: flagged})
	// Instances do not share flags.
	for _, name := range []string{"tests", "strict"} {
		if got := transportreuse.Analyzer.Flags.Lookup(name).Value.String(); got != "false" {
			t.Errorf("default analyzer's %s = %s after setting another instance's", name, got)
		}
	}
	checkRelated(t, results)
}

func TestDoc(t *testing.T) {
	t.Parallel()
	summary, _, _ := strings.Cut(transportreuse.Analyzer.Doc, "\n")
	if summary != "report http.Transport made per request and dropped" {
		t.Errorf("summary = %q", summary)
	}
}

// checkRelated checks that a constructor call's diagnostic points at the
// construction inside the constructor.
func checkRelated(t *testing.T, results []*analysistest.Result) {
	want := map[string]string{ // constructor → line of its construction
		"newClient()":         "constructors.go:12",
		"NewInsecureClient()": "constructors.go:20",
		"newTransport()":      "constructors.go:12",
	}
	seen := 0
	for _, r := range results {
		if r.Action.Package.PkgPath != "constructors" {
			continue
		}
		for _, d := range r.Diagnostics {
			ctor, _, _ := strings.Cut(d.Message, " ")
			line, ok := want[ctor]
			if !ok {
				continue
			}
			seen++
			if len(d.Related) != 1 {
				t.Errorf("%s: %d related, want 1", d.Message, len(d.Related))
				continue
			}
			p := r.Pass.Fset.Position(d.Related[0].Pos)
			if got := filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line); got != line || d.Related[0].Message != "http.Transport created here" {
				t.Errorf("%s: related %s %q, want %s", d.Message, got, d.Related[0].Message, line)
			}
		}
	}
	if seen != 3 {
		t.Errorf("%d constructor diagnostics, want 3", seen)
	}
}
