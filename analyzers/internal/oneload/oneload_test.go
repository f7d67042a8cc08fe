package oneload_test

import (
	"fmt"
	"go/ast"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/oneload"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// says returns an analyzer named "says" that reports each function as
// saying word (or, with word empty, its package's name).
func says(word string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "says",
		Doc:  "report what each function says",
		Run: func(pass *analysis.Pass) (any, error) {
			w := word
			if w == "" {
				w = pass.Pkg.Name()
			}
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						pass.Reportf(fd.Pos(), "%s says %s", fd.Name.Name, w)
					}
				}
			}
			return nil, nil
		},
	}
}

// fixing is says("") with a fix that renames each function to Fixed,
// or, when bad, a fix whose edits overlap.
func fixing(bad bool) *analysis.Analyzer {
	a := says("")
	a.Run = func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					edits := []analysis.TextEdit{{Pos: fd.Name.Pos(), End: fd.Name.End(), NewText: []byte("Fixed")}}
					if bad {
						edits = append(edits, analysis.TextEdit{Pos: fd.Name.Pos(), End: fd.Name.End(), NewText: []byte("Other")})
					}
					pass.Report(analysis.Diagnostic{Pos: fd.Pos(), Message: fd.Name.Name + " says " + pass.Pkg.Name(),
						SuggestedFixes: []analysis.SuggestedFix{{Message: "Rename", TextEdits: edits}}})
				}
			}
		}
		return nil, nil
	}
	return a
}

// errors records what analysistest would report.
type errors struct{ list []string }

func (e *errors) Errorf(format string, args ...any) {
	e.list = append(e.list, fmt.Sprintf(format, args...))
}

// Each package is checked by its own case's configuration, with one load.
func TestCases(t *testing.T) {
	t.Parallel()
	quiet := &analysis.Analyzer{Name: "says", Doc: "report nothing", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: says("a"), Patterns: []string{"a"}},
		oneload.Case{Analyzer: says("b"), Patterns: []string{"b"}, Same: says(""), Quiet: quiet})
}

// With a case that checks fixes, the others' fixes need no golden file
// (a has none) but must be well formed.
func TestFixes(t *testing.T) {
	t.Parallel()
	oneload.Run(t, analysistest.TestData(),
		oneload.Case{Analyzer: fixing(false), Patterns: []string{"a"}},
		oneload.Case{Analyzer: fixing(false), Patterns: []string{"c"}, Fixes: true})
	e := new(errors)
	oneload.Run(e, analysistest.TestData(),
		oneload.Case{Analyzer: fixing(true), Patterns: []string{"a"}},
		oneload.Case{Analyzer: fixing(false), Patterns: []string{"c"}, Fixes: true})
	if !strings.Contains(strings.Join(e.list, "\n"), "overlap") {
		t.Errorf("errors %q, want one saying that the edits overlap", e.list)
	}
}

// A configuration that reports something else than its Same, a package
// checked by the wrong configuration, a package in two cases and
// analyzers that are not one fail.
func TestFailures(t *testing.T) {
	t.Parallel()
	other := says("x")
	other.Name = "other"
	for _, tc := range []struct {
		name  string
		cases []oneload.Case
		want  string
	}{
		{"same", []oneload.Case{{Analyzer: says("a"), Patterns: []string{"a"}, Same: says("z")}}, "the other configuration reports"},
		{"quiet", []oneload.Case{{Analyzer: says("a"), Patterns: []string{"a"}, Quiet: says("a")}}, "the other configuration reports"},
		{"wrong", []oneload.Case{{Analyzer: says("b"), Patterns: []string{"a"}}}, "F says a"},
		{"twice", []oneload.Case{{Analyzer: says("a"), Patterns: []string{"a"}}, {Analyzer: says("a"), Patterns: []string{"a"}}}, "a is in two cases"},
		{"two analyzers", []oneload.Case{{Analyzer: says("a"), Patterns: []string{"a"}}, {Analyzer: other, Patterns: []string{"b"}}}, "not configurations of one analyzer"},
	} {
		e := new(errors)
		oneload.Run(e, analysistest.TestData(), tc.cases...)
		if !strings.Contains(strings.Join(e.list, "\n"), tc.want) {
			t.Errorf("%s: errors %q, want one containing %q", tc.name, e.list, tc.want)
		}
	}
}
