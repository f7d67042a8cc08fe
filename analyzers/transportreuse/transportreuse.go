package transportreuse

import (
	_ "embed"
	"go/ast"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/docs"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/option"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssapass"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var doc []byte

// Options configure the analyzer.
type Options struct {
	// Tests also reports in _test.go files and in functions that take a
	// *testing.T, *testing.B, *testing.F or testing.TB. Flag
	// -transportreuse.tests.
	Tests bool
	// Strict also reports a per-call transport whose idle connections the
	// function closes with CloseIdleConnections. Flag -transportreuse.strict.
	Strict bool
}

// Analyzer is transportreuse with default options.
var Analyzer = New(Options{})

// New returns a transportreuse analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "transportreuse",
		Doc:      docs.MustExtract(doc, "transportreuse"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/transportreuse",
		Requires: []*analysis.Analyzer{ssapass.Analyzer, makersAnalyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.TestsVar(&a.Flags, &c.opts.Tests, opts.Tests,
		"also report in _test.go files and in functions taking *testing.T or *testing.B")
	a.Flags.BoolVar(&c.opts.Strict, "strict", opts.Strict,
		"also report per-call transports whose idle connections are closed with CloseIdleConnections")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// state is the analysis of one package.
type state struct {
	*analysis.Pass
	rep     *report.Reporter
	opts    Options
	made    map[*types.Func]*makeFact // other packages' constructors, from facts
	x       *ssaflow.Index
	tracer  *ssaflow.Tracer
	back    *ssaflow.Backtracer // walks a clone's receiver back to its origin
	reqBack *ssaflow.Backtracer // walks a request back (see [state.closesEvery]), made when first needed
	roots   map[*ssa.Function][]root
	uses    map[ssa.Value]*use
	sums    map[*ssa.Function]summary // nil while being computed
	once    map[*ssa.Function]bool
	perReq  map[*ssa.Function]bool // see [state.perRequest]
	loops   ssaflow.Loops
	offSeen *bool // the package turns keep-alives off (or may) somewhere
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	s := newState(pass, c.opts, pass.ResultOf[makersAnalyzer].(*makers).made)
	if s == nil {
		return nil, nil // nothing here makes a transport
	}
	for _, fn := range s.x.Funcs {
		for _, r := range s.rootsIn(fn) {
			s.judge(r)
		}
	}
	return nil, nil
}

// newState prepares the analysis of pass, or returns nil when nothing in
// the package makes a transport. made are the constructors of other
// packages that facts describe (see [makeFact]).
func newState(pass *analysis.Pass, opts Options, made map[*types.Func]*makeFact) *state {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentionsTransport(res.Names(), made) || !makesTransport(pass, opts.Tests, made) {
		return nil
	}
	_, x := res.SSA()
	return &state{
		Pass:   pass,
		rep:    report.New(pass),
		opts:   opts,
		made:   made,
		x:      x,
		tracer: &ssaflow.Tracer{Index: x, NoReturns: true},
		back:   &ssaflow.Backtracer{Index: x, Stop: isClone},
		roots:  make(map[*ssa.Function][]root),
		uses:   make(map[ssa.Value]*use),
		sums:   make(map[*ssa.Function]summary),
		once:   make(map[*ssa.Function]bool),
		perReq: make(map[*ssa.Function]bool),
	}
}

// mentionsTransport reports whether the package names http.Transport, its
// Clone method or another package's constructor: without one it cannot
// make a transport (a constructor of this package that makes one names it
// too).
func mentionsTransport(names httpapi.Names, made map[*types.Func]*makeFact) bool {
	for _, obj := range names {
		switch obj := obj.(type) {
		case *types.TypeName:
			if httpapi.Transport.Matches(obj.Type()) {
				return true
			}
		case *types.Func:
			if httpapi.TransportClone.Matches(obj) {
				return true
			}
			if _, ok := httpapi.Foreign(obj); ok || made[obj] != nil {
				return true
			}
		}
	}
	return false
}

// makesTransport reports whether the package's syntax makes a transport:
// an http.Transport literal, new(http.Transport), a variable of type
// http.Transport, a call of Clone or of another package's constructor
// (see [httpapi.Foreign], [makeFact]). Many client packages name the type
// only in signatures and type assertions; they need no SSA. Unless tests
// are judged, _test.go files do not count: an external test package
// (pkg_test) is skipped whole. The test variant of a package is not, since
// some drivers (golangci-lint) analyse only that variant.
func makesTransport(pass *analysis.Pass, tests bool, made map[*types.Func]*makeFact) bool {
	info := pass.TypesInfo
	found := false
	for _, f := range pass.Files {
		if !tests && report.InTest(pass.Fset, f.FileStart) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				found = httpapi.Transport.Matches(info.TypeOf(n))
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
					if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
						found = httpapi.Transport.Matches(info.TypeOf(n.Args[0]))
					}
				}
			case *ast.SelectorExpr:
				fn, ok := info.Uses[n.Sel].(*types.Func)
				if ok && fn.Pkg() != pass.Pkg {
					_, found = httpapi.Foreign(fn)
					found = found || made[fn] != nil
				}
				found = found || ok && httpapi.TransportClone.Matches(fn)
			case *ast.ValueSpec:
				found = n.Type != nil && httpapi.Transport.Matches(info.TypeOf(n.Type))
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
