package serveridle

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"time"

	"github.com/kalint/kalint/analyzers/internal/astfix"
	"github.com/kalint/kalint/analyzers/internal/callee"
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

// DefaultIdleTimeout is the IdleTimeout the suggested fix sets unless
// Options says otherwise.
const DefaultIdleTimeout = 2 * time.Minute

// Options configure the analyzer.
type Options struct {
	// IdleTimeout is the value the suggested fix sets; zero means
	// DefaultIdleTimeout. Flag -serveridle.idle-timeout.
	IdleTimeout time.Duration
}

// Analyzer is serveridle with default options.
var Analyzer = New(Options{})

// New returns a serveridle analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	if opts.IdleTimeout == 0 {
		opts.IdleTimeout = DefaultIdleTimeout
	}
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "serveridle",
		Doc:      docs.MustExtract(doc, "serveridle"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/serveridle",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.DurationVar(&a.Flags, &c.opts.IdleTimeout, "idle-timeout", opts.IdleTimeout,
		"IdleTimeout that the suggested fix adds to an http.Server literal")
	return report.Directives(a)
}

type checker struct {
	opts Options
}

// state is the analysis of one package.
type state struct {
	*analysis.Pass
	rep      *report.Reporter
	opts     Options
	x        *ssaflow.Index
	tracer   *ssaflow.Tracer
	reported map[*ssa.Store]bool // ReadTimeout stores of servers already reported
}

// A server is what one traced http.Server does in the package.
type server struct {
	reads   []*ssa.Store // stores of a positive or unknown ReadTimeout
	idle    bool         // IdleTimeout set to something other than 0 on every path
	off     bool         // SetKeepAlivesEnabled(false), or an unknown argument
	handOff bool         // reaches code that may set IdleTimeout
	live    bool         // served, returned, or held in a field or global
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !httpapi.ServerReadTimeout.Mentioned(res.Names()) {
		return nil, nil // no ReadTimeout is ever set here
	}
	pkg, x := res.SSA()
	s := &state{
		Pass:     pass,
		rep:      report.New(pass),
		opts:     c.opts,
		x:        x,
		tracer:   &ssaflow.Tracer{Index: x, Fields: true},
		reported: make(map[*ssa.Store]bool),
	}

	// Roots: every allocation of an http.Server (literals, new, variables),
	// package-level servers, and struct fields that hold a server by value
	// (all selections of one field are one server).
	byField := make(map[*types.Var][]ssa.Value)
	var fieldOrder []*types.Var
	for _, fn := range x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					if httpapi.Server.MatchesPtr(instr.Type()) {
						s.check(instr)
					}
				case *ssa.FieldAddr:
					if httpapi.Server.MatchesPtr(instr.Type()) {
						f := ssaflow.FieldOf(instr.X.Type(), instr.Field)
						if f == nil {
							continue
						}
						if byField[f] == nil {
							fieldOrder = append(fieldOrder, f)
						}
						byField[f] = append(byField[f], instr)
					}
				}
			}
		}
	}
	for _, f := range fieldOrder {
		s.check(byField[f]...)
	}
	for _, name := range pkg.Pkg.Scope().Names() {
		if g, ok := pkg.Members[name].(*ssa.Global); ok && httpapi.Server.MatchesPtr(g.Type()) {
			s.check(g)
		}
	}
	return nil, nil
}

// check reports the server that roots make, unless another root of it was
// reported.
func (s *state) check(roots ...ssa.Value) {
	srv := s.inspect(s.tracer.Trace(roots...))
	if len(srv.reads) == 0 || srv.idle || srv.off || srv.handOff || !srv.live {
		return
	}
	if slices.ContainsFunc(srv.reads, func(st *ssa.Store) bool { return s.reported[st] }) {
		return // another root of the same server was reported
	}
	for _, st := range srv.reads {
		s.reported[st] = true
	}
	s.report(srv.reads, roots[0])
}

// inspect collects what the package does to one server.
func (s *state) inspect(flow *ssaflow.Flow) server {
	var srv server
	var idles []*ssa.Store     // IdleTimeout stores of anything but 0
	var uses []ssa.Instruction // where the server is served or returned
	for _, v := range flow.Values {
		if keptIn(v) {
			srv.live = true
		}
		for _, ref := range s.x.Referrers(v) {
			if _, ok := ref.(*ssa.Return); ok {
				srv.live = true
				uses = append(uses, ref)
			}
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v {
				continue
			}
			f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
			read := httpapi.ServerReadTimeout.Matches(fa.X.Type(), f)
			idle := httpapi.ServerIdleTimeout.Matches(fa.X.Type(), f)
			if !read && !idle {
				continue
			}
			for _, use := range *fa.Referrers() {
				st, ok := use.(*ssa.Store)
				if !ok || st.Addr != fa {
					continue
				}
				d, known := ssaflow.ConstDuration(st.Val)
				switch {
				case read && (!known || d > 0):
					srv.reads = append(srv.reads, st)
				case idle && (!known || d != 0):
					idles = append(idles, st)
				}
			}
		}
	}
	for _, h := range flow.HandOffs {
		switch h.Kind {
		case ssaflow.Return:
			// Judged here: the package that builds the server decides
			// its timeouts.
			srv.live = true
		case ssaflow.Call:
			call := h.Instr.(ssa.CallInstruction).Common()
			fn := callee.Func(call)
			switch {
			case httpapi.ServerSetKeepAlivesEnabled.Matches(fn):
				if on, known := ssaflow.ConstBool(call.Args[len(call.Args)-1]); !known || !on {
					srv.off = true
				}
			case httpapi.ServerServes.Matches(fn):
				srv.live = true
				uses = append(uses, h.Instr)
			case httpapi.ServerStops.Matches(fn):
			default:
				srv.handOff = true
			}
		default:
			srv.handOff = true
		}
	}
	srv.idle = len(idles) > 0 && !skipsIdle(srv.reads, idles, uses)
	return srv
}

// skipsIdle reports whether a use of the server (a serve, a return) is
// reached, from a ReadTimeout store in its function (or from the
// function's entry when a ReadTimeout store is elsewhere), on a path that
// sets no IdleTimeout: `if idle > 0 { srv.IdleTimeout = idle }` leaves the
// other path on the ReadTimeout fallback, while both set in one `if` block
// leave none. Uses in functions without an IdleTimeout store are not
// judged: the store may come before their call.
func skipsIdle(reads, idles []*ssa.Store, uses []ssa.Instruction) bool {
	isIdle := func(x ssa.Instruction) bool {
		st, ok := x.(*ssa.Store)
		return ok && slices.Contains(idles, st)
	}
	for _, u := range uses {
		fn := u.Parent()
		if !slices.ContainsFunc(idles, func(st *ssa.Store) bool { return st.Parent() == fn }) {
			continue
		}
		var from []ssa.Instruction // nil: the entry
		for _, r := range reads {
			switch {
			case r.Parent() == fn:
				from = append(from, r)
			case !slices.Contains(from, nil):
				from = append(from, nil)
			}
		}
		if slices.ContainsFunc(from, func(a ssa.Instruction) bool { return ssaflow.ReachesAvoiding(a, u, isIdle) }) {
			return true
		}
	}
	return false
}

// keptIn reports whether v is, or is loaded from, a package variable or a
// field of a named struct type: a server kept for later. Fields of anonymous
// structs (tables of test cases) do not count.
func keptIn(v ssa.Value) bool {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = load.X
	}
	var x ssa.Value
	switch v := v.(type) {
	case *ssa.Global:
		return true
	case *ssa.FieldAddr:
		x = v.X
	case *ssa.Field:
		x = v.X
	default:
		return false
	}
	return httpapi.NamedOf(x.Type()) != nil
}

// report reports the first ReadTimeout store of a server.
func (s *state) report(reads []*ssa.Store, root ssa.Value) {
	slices.SortFunc(reads, func(a, b *ssa.Store) int { return int(ssaflow.StorePos(a) - ssaflow.StorePos(b)) })
	st := reads[0]
	pos := ssaflow.StorePos(st)
	if s.rep.Generated(pos) {
		return
	}
	after := "ReadTimeout"
	if d, known := ssaflow.ConstDuration(st.Val); known {
		after = d.String()
	}
	diag := analysis.Diagnostic{
		Pos:     pos,
		Message: fmt.Sprintf("http.Server sets ReadTimeout but not IdleTimeout (idle keep-alive connections close after %s)", after),
	}
	file, path := s.rep.Path(pos)
	for i, n := range path {
		if kv, ok := n.(*ast.KeyValueExpr); ok && i+1 < len(path) {
			if lit, ok := path[i+1].(*ast.CompositeLit); ok {
				node := ast.Node(lit)
				if u, ok := path[min(i+2, len(path)-1)].(*ast.UnaryExpr); ok && u.Op == token.AND {
					node = u
				}
				diag.Pos, diag.End = node.Pos(), node.End()
				if fix, ok := s.fix(file, lit, kv); ok {
					diag.SuggestedFixes = []analysis.SuggestedFix{fix}
				}
			}
			break
		}
		if as, ok := n.(*ast.AssignStmt); ok {
			diag.Pos, diag.End = as.Pos(), as.End()
			if root.Pos().IsValid() && astfix.File(s.Pass, root.Pos()) != nil {
				diag.Related = []analysis.RelatedInformation{{Pos: root.Pos(), Message: "server created here"}}
			}
			break
		}
	}
	s.rep.Report(diag, "")
}

// fix adds IdleTimeout after ReadTimeout in a literal, or replaces an
// explicit IdleTimeout: 0.
func (s *state) fix(file *ast.File, lit *ast.CompositeLit, read *ast.KeyValueExpr) (analysis.SuggestedFix, bool) {
	timeName, edits, ok := astfix.Import(s.Pass, file, lit.Lbrace, "time", "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	value := astfix.Duration(s.opts.IdleTimeout, timeName)
	msg := "Add IdleTimeout: " + value
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "IdleTimeout" {
				edits = append(edits, analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(value)})
				return analysis.SuggestedFix{Message: "Set IdleTimeout: " + value, TextEdits: edits}, true
			}
		}
	}
	tf := s.Fset.File(read.Pos())
	line := tf.Line(read.Pos())
	if tf.Line(lit.Rbrace) == line {
		// One-line literal: insert after the ReadTimeout element.
		edits = append(edits, analysis.TextEdit{Pos: read.End(), End: read.End(), NewText: []byte(", IdleTimeout: " + value)})
		return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
	}
	src, err := s.ReadFile(tf.Name())
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	next := tf.LineStart(line + 1)
	text := astfix.Indent(tf, src, read.Pos()) + "IdleTimeout: " + value + ",\n"
	edits = append(edits, analysis.TextEdit{Pos: next, End: next, NewText: []byte(text)})
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
}
