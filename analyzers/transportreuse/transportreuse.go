package transportreuse

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/docs"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
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
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	a.Flags.BoolVar(&c.opts.Tests, "tests", opts.Tests,
		"also report in _test.go files and in functions taking *testing.T or *testing.B")
	a.Flags.BoolVar(&c.opts.Strict, "strict", opts.Strict,
		"also report per-call transports whose idle connections are closed with CloseIdleConnections")
	return a
}

type checker struct {
	opts Options
}

// A root is a place that makes a fresh transport: a literal or new, a
// Clone, or a call of a constructor that returns one (or a client holding
// one): of this package, or of another that foreign recognises.
type root struct {
	value   ssa.Value
	instr   ssa.Instruction // the allocation or the call
	ctor    *ssa.Function   // the constructor called, for constructor calls of this package
	foreign *types.Func     // the constructor called, for constructor calls of another package
	made    token.Pos       // the construction, inside ctor for constructor calls
	clone   bool
	// idle: the transport's IdleConnTimeout is set or inherited (or may
	// be), so idle connections expire in the end.
	idle bool
	// disabled: keep-alives are (or may be) off at the construction.
	disabled bool
}

// A summary says which results of a function are fresh transports (or
// clients holding one) and where each was made.
type summary map[int]root

// state is the analysis of one package.
type state struct {
	*analysis.Pass
	rep     *report.Reporter
	opts    Options
	x       *ssaflow.Index
	tracer  *ssaflow.Tracer
	back    *ssaflow.Backtracer // walks a clone's receiver back to its origin
	roots   map[*ssa.Function][]root
	uses    map[ssa.Value]*use
	sums    map[*ssa.Function]summary // nil while being computed
	once    map[*ssa.Function]bool
	loops   ssaflow.Loops
	offSeen *bool // the package turns keep-alives off (or may) somewhere
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentionsTransport(res.Names()) || !makesTransport(pass, c.opts.Tests) {
		return nil, nil // nothing here makes a transport
	}
	_, x := res.SSA()
	s := &state{
		Pass:   pass,
		rep:    report.New(pass),
		opts:   c.opts,
		x:      x,
		tracer: &ssaflow.Tracer{Index: x, NoReturns: true},
		back:   &ssaflow.Backtracer{Index: x, Stop: isClone},
		roots:  make(map[*ssa.Function][]root),
		uses:   make(map[ssa.Value]*use),
		sums:   make(map[*ssa.Function]summary),
		once:   make(map[*ssa.Function]bool),
	}
	for _, fn := range x.Funcs {
		for _, r := range s.rootsIn(fn) {
			s.judge(r)
		}
	}
	return nil, nil
}

// mentionsTransport reports whether the package names http.Transport, its
// Clone method or another package's constructor: without one it cannot
// make a transport (a constructor of this package that makes one names it
// too).
func mentionsTransport(names httpapi.Names) bool {
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
			if _, ok := foreign(obj); ok {
				return true
			}
		}
	}
	return false
}

// makesTransport reports whether the package's syntax makes a transport:
// an http.Transport literal, new(http.Transport), a variable of type
// http.Transport, a call of Clone or of another package's constructor
// (see foreign). Many client packages name the type
// only in signatures and type assertions; they need no SSA. Unless tests
// are judged, _test.go files do not count: an external test package
// (pkg_test) is skipped whole. The test variant of a package is not, since
// some drivers (golangci-lint) analyse only that variant.
func makesTransport(pass *analysis.Pass, tests bool) bool {
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
					_, found = foreign(fn)
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

// rootsIn lists the places in fn that make a fresh transport.
func (s *state) rootsIn(fn *ssa.Function) []root {
	if rs, ok := s.roots[fn]; ok {
		return rs
	}
	s.roots[fn] = nil // a recursive constructor makes nothing new by recursing
	var rs []root
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Alloc:
				if httpapi.Transport.MatchesPtr(instr.Type()) {
					r := root{value: instr, instr: instr, made: instr.Pos()}
					u := s.follow(r)
					r.idle, r.disabled = u.idle, u.disabled
					rs = append(rs, r)
				}
			case *ssa.Call:
				common := instr.Common()
				if isClone(instr) {
					r := root{value: instr, instr: instr, made: instr.Pos(), clone: true}
					r.idle, r.disabled = s.source(common.Args[0])
					rs = append(rs, r)
					continue
				}
				body := callee.Body(common)
				if body == nil || body.Pkg != s.x.Pkg {
					if fn := callee.Func(common); !common.IsInvoke() && fn != nil && fn.Pkg() != s.Pkg {
						if i, ok := foreign(fn); ok {
							if v := result(instr, i); v != nil {
								// What it sets is unknown: say its idle
								// connections expire, the milder claim.
								rs = append(rs, root{value: v, instr: instr, foreign: fn, made: instr.Pos(), idle: true})
							}
						}
					}
					continue
				}
				for i, made := range s.summary(body) {
					v := result(instr, i)
					if v == nil {
						continue
					}
					made.value, made.instr, made.ctor = v, instr, body
					rs = append(rs, made)
				}
			}
		}
	}
	s.roots[fn] = rs
	return rs
}

// result returns result i of a call, or nil if it is not used.
func result(call *ssa.Call, i int) ssa.Value {
	if call.Call.Signature().Results().Len() == 1 {
		return call
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			return ex
		}
	}
	return nil
}

// source says what a clone inherits from the transport it copies:
// whether idle connections expire and whether keep-alives may be off. A
// transport with more than one source is not known.
func (s *state) source(v ssa.Value) (idle, disabled bool) {
	srcs := s.back.Sources(v).Sources
	if len(srcs) != 1 {
		return true, s.turnsOff()
	}
	switch x := srcs[0].Value.(type) {
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL && g.Object() != nil {
			if gv, ok := g.Object().(*types.Var); ok && httpapi.DefaultTransport.Matches(gv) {
				return true, false // DefaultTransport: IdleConnTimeout 90s, keep-alives on
			}
		}
	case *ssa.Alloc: // the receiver of Clone: a *http.Transport
		u := s.follow(root{value: x, instr: x})
		return u.idle, u.disabled
	case *ssa.Call:
		if isClone(x) {
			idle, disabled := s.source(x.Call.Args[0])
			u := s.follow(root{value: x, instr: x})
			return idle || u.idle, (disabled && !u.enabled) || u.disabled
		}
	}
	return true, s.turnsOff()
}

// isClone reports whether v is a call of (*http.Transport).Clone.
func isClone(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	return ok && httpapi.TransportClone.Matches(callee.Func(&call.Call)) && !call.Call.IsInvoke() && len(call.Call.Args) == 1
}

// turnsOff reports whether the package sets DisableKeepAlives to anything
// but false anywhere: a clone of a transport it cannot trace may then have
// keep-alives off.
func (s *state) turnsOff() bool {
	if s.offSeen != nil {
		return *s.offSeen
	}
	off := false
	for _, fn := range s.x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok && isFieldStore(st, httpapi.TransportDisableKeepAlives) && !ssaflow.IsZero(st.Val) {
					off = true
				}
			}
		}
	}
	s.offSeen = &off
	return off
}

// summary returns which results of fn are fresh transports or clients
// holding one: made in fn, not kept anywhere, and returned by fn itself.
func (s *state) summary(fn *ssa.Function) summary {
	if sum, ok := s.sums[fn]; ok {
		return sum // nil while fn is being summarised: recursion adds nothing
	}
	s.sums[fn] = nil
	sum := make(summary)
	for _, r := range s.rootsIn(fn) {
		u := s.follow(r)
		if u.kept || u.replaced || len(u.returns) == 0 || r.disabled && !u.enabled || u.disabled {
			continue
		}
		idx := -1
		for _, h := range u.returns {
			ret := h.Instr.(*ssa.Return)
			i := slices.Index(ret.Results, h.Value)
			if ret.Parent() != fn || i < 0 || idx >= 0 && i != idx {
				idx = -1
				break
			}
			idx = i
		}
		if idx >= 0 {
			made := r
			made.idle = r.idle || u.idle
			sum[idx] = made
		}
	}
	s.sums[fn] = sum
	return sum
}
