package transportreuse_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestScenarios(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), transportreuse.Analyzer,
		"basic", "handlers", "wrappers", "loops", "constructors", "closed", "quiet", "notests", "generics", "crosspkg/user", "foreign", "recall")
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

// TestRelated checks that a constructor call's diagnostic points at the
// construction inside the constructor.
func TestRelated(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, analysistest.TestData(), transportreuse.Analyzer, "constructors")
	want := map[string]string{ // constructor → line of its construction
		"newClient()":         "constructors.go:12",
		"NewInsecureClient()": "constructors.go:20",
		"newTransport()":      "constructors.go:12",
	}
	seen := 0
	for _, r := range results {
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
