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
