package report_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// calls is a stand-in for an analyzer of the suite, named like one: it
// reports every call of the function fn, through a Reporter, and is
// wrapped by Directives as the suite's analyzers are.
func calls(name, fn string) *analysis.Analyzer {
	return report.Directives(&analysis.Analyzer{
		Name: name,
		Doc:  "reports calls of " + fn,
		Run: func(pass *analysis.Pass) (any, error) {
			r := report.New(pass)
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if c, ok := n.(*ast.CallExpr); ok {
						if id, ok := c.Fun.(*ast.Ident); ok && id.Name == fn {
							r.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Message: "call of " + fn}, "")
						}
					}
					return true
				})
			}
			return nil, nil
		},
	})
}

// suite runs stand-ins for three analyzers of the suite on each package,
// as a driver runs the suite, into one list of diagnostics that analysistest
// checks (it checks one analyzer's): serveridle, the suite's first (which
// reports the directives that name no analyzer of the suite), respbody for
// calls of leak and postretry for calls of post. With golangci, they run as
// the golangci-lint plugin sets them.
func suite(t *testing.T, golangci bool) *analysis.Analyzer {
	list := []*analysis.Analyzer{calls("serveridle", "serve"), calls("respbody", "leak"), calls("postretry", "post")}
	for _, a := range list {
		if err := a.Flags.Set(report.NolintFlag, strconv.FormatBool(!golangci)); err != nil {
			t.Fatal(err)
		}
	}
	return &analysis.Analyzer{
		Name: "suite",
		Doc:  "runs the stand-ins",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, a := range list {
				if _, err := a.Run(pass); err != nil {
					return nil, err
				}
			}
			return nil, nil
		},
	}
}

// Every diagnostic is wanted once: a directive's problem is reported by one
// analyzer, not by each.
func TestDirectives(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), suite(t, false),
		"ignore", "fileignore", "stale", "noreason", "unknown", "nolint")
}

// Under golangci-lint, which applies //nolint:kalint, //nolint:all and
// //nolint itself, the analyzers leave those to it.
func TestDirectivesUnderGolangci(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), suite(t, true), "golangci")
}

// A run that fails reports no stale directive: its findings are not all
// known.
func TestDirectivesFailedRun(t *testing.T) {
	t.Parallel()
	errFailed := errors.New("failed")
	for _, fail := range []bool{false, true} {
		a := report.Directives(&analysis.Analyzer{
			Name: "respbody",
			Doc:  "fails or not",
			Run: func(*analysis.Pass) (any, error) {
				if fail {
					return nil, errFailed
				}
				return nil, nil
			},
		})
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", "package p\n\n//kalint:ignore respbody stale\nfunc f() {}\n", parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		var got []analysis.Diagnostic
		pass := &analysis.Pass{Analyzer: a, Fset: fset, Files: []*ast.File{f}, Report: func(d analysis.Diagnostic) { got = append(got, d) }}
		_, err = a.Run(pass)
		if fail && (err != errFailed || len(got) != 0) || !fail && (err != nil || len(got) != 1) {
			t.Errorf("run failing %v: error %v, diagnostics %v", fail, err, got)
		}
	}
}
