package dialkeepalive

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
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

const (
	// DefaultMinKeepAlive is the KeepAlive below which a dialer of an HTTP
	// transport is reported, unless Options says otherwise.
	DefaultMinKeepAlive = 5 * time.Second
	// DefaultIdleConnTimeout is the IdleConnTimeout the suggested fix sets
	// unless Options says otherwise (http.DefaultTransport's value).
	DefaultIdleConnTimeout = 90 * time.Second
)

// Options configure the analyzer.
type Options struct {
	// MinKeepAlive: a constant net.Dialer.KeepAlive below it, on a dialer
	// of an http.Transport, is reported. Zero means DefaultMinKeepAlive.
	// Flag -dialkeepalive.min-keep-alive.
	MinKeepAlive time.Duration
	// IdleConnTimeout is the value the suggested fix sets; zero means
	// DefaultIdleConnTimeout. Flag -dialkeepalive.idle-conn-timeout.
	IdleConnTimeout time.Duration
}

// Analyzer is dialkeepalive with default options.
var Analyzer = New(Options{})

// New returns a dialkeepalive analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	if opts.MinKeepAlive == 0 {
		opts.MinKeepAlive = DefaultMinKeepAlive
	}
	if opts.IdleConnTimeout == 0 {
		opts.IdleConnTimeout = DefaultIdleConnTimeout
	}
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "dialkeepalive",
		Doc:      docs.MustExtract(doc, "dialkeepalive"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/dialkeepalive",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	option.DurationVar(&a.Flags, &c.opts.MinKeepAlive, "min-keep-alive", opts.MinKeepAlive,
		"report a constant net.Dialer.KeepAlive below this on a dialer of an http.Transport")
	option.DurationVar(&a.Flags, &c.opts.IdleConnTimeout, "idle-conn-timeout", opts.IdleConnTimeout,
		"IdleConnTimeout that the suggested fix adds to an http.Transport literal")
	return a
}

type checker struct {
	opts Options
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentionsKeepAlive(res.Names()) {
		return nil, nil // no TCP keep-alive is configured here
	}
	_, index := res.SSA()
	s := &state{
		checker:  c,
		pass:     pass,
		rep:      report.New(pass),
		index:    index,
		tracer:   &ssaflow.Tracer{Index: index, Fields: true},
		back:     &ssaflow.Backtracer{Index: index, Stop: isCall, Through: operands},
		reported: make(map[ssa.Instruction]bool),
		fixed:    make(map[*ast.CompositeLit]bool),
	}
	s.dialers()
	s.listeners()
	return nil, nil
}

// mentionsKeepAlive reports whether the package names a TCP keep-alive
// setting of package net: the KeepAlive or KeepAliveConfig field of a
// Dialer or ListenConfig, or a keep-alive method of TCPConn.
func mentionsKeepAlive(names httpapi.Names) bool {
	for _, obj := range names {
		switch obj := obj.(type) {
		case *types.Var:
			if obj.IsField() && obj.Pkg() != nil && obj.Pkg().Path() == "net" &&
				(obj.Name() == "KeepAlive" || obj.Name() == "KeepAliveConfig") {
				return true
			}
		case *types.Func:
			if setsConnKeepAlive(obj) {
				return true
			}
		}
	}
	return false
}

func setsConnKeepAlive(fn *types.Func) bool {
	return httpapi.TCPConnSetKeepAlive.Matches(fn) || httpapi.TCPConnSetKeepAlivePeriod.Matches(fn) ||
		httpapi.TCPConnSetKeepAliveConfig.Matches(fn)
}

// state is the analysis of one package.
type state struct {
	*checker
	pass     *analysis.Pass
	rep      *report.Reporter
	index    *ssaflow.Index
	tracer   *ssaflow.Tracer
	back     *ssaflow.Backtracer        // walks values back to the names and types they come from
	reported map[ssa.Instruction]bool   // settings already reported
	fixed    map[*ast.CompositeLit]bool // literals a fix already edits

	closures map[*ssa.Function][]*ssa.MakeClosure // built on first use
	fnUses   map[*ssa.Function][]ssa.Instruction  // named functions used as values
}

// A setting is one place that turns TCP keep-alive on: a store into
// KeepAlive or KeepAliveConfig, or a call of a TCPConn keep-alive method.
type setting struct {
	instr   ssa.Instruction
	subject string    // as written in diagnostics, e.g. net.Dialer.KeepAlive
	value   ssa.Value // the KeepAlive duration; nil for KeepAliveConfig and calls
}

// pos is where a setting is reported.
func (s setting) pos() token.Pos {
	if st, ok := s.instr.(*ssa.Store); ok && !st.Pos().IsValid() {
		return st.Addr.Pos()
	}
	return s.instr.Pos()
}

// reportable drops the settings in generated files: they are not
// reported, so not worth following.
func (s *state) reportable(settings []setting) []setting {
	return slices.DeleteFunc(settings, func(set setting) bool { return s.rep.Generated(set.pos()) })
}

// A feed is a store of a dial function into the Dial or DialContext field
// of an http.Transport.
type feed struct {
	transport ssa.Value // the *http.Transport
	store     *ssa.Store
}

// dialers reports the keep-alive settings of every net.Dialer whose Dial or
// DialContext feeds an http.Transport.
func (s *state) dialers() {
	var transports *valueSets[transport]
	for _, roots := range s.roots(httpapi.Dialer) {
		flow := s.tracer.Trace(roots...)
		settings := s.reportable(keepAliveSettings(s.index, flow, httpapi.DialerKeepAlive, httpapi.DialerKeepAliveConfig))
		if len(settings) == 0 {
			continue
		}
		feeds := s.feeds(flow)
		if len(feeds) == 0 {
			continue // not proven to dial for HTTP
		}
		if transports == nil {
			transports = s.transports()
		}
		// Transports that keep idle connections forever; any transport
		// that may flow to a fed value must, to count.
		var lacking []*transport
		for _, f := range feeds {
			ts := transports.of(f.transport)
			if len(ts) > 0 && !slices.ContainsFunc(ts, func(t *transport) bool { return !t.lacking() }) {
				for _, t := range ts {
					if !slices.Contains(lacking, t) {
						lacking = append(lacking, t)
					}
				}
			}
		}
		for _, set := range settings {
			s.reportDialer(set, feeds, lacking)
		}
	}
}

// transport is what the package does with one traced http.Transport.
type transport struct {
	root    ssa.Value
	idle    bool // IdleConnTimeout set to a positive or unknown value, or inherited
	handOff bool // reaches code that may set IdleConnTimeout
}

func (t *transport) lacking() bool { return !t.idle && !t.handOff }

// transports traces every http.Transport of the package.
func (s *state) transports() *valueSets[transport] {
	sets := &valueSets[transport]{byValue: make(map[ssa.Value][]*transport)}
	for _, roots := range s.roots(httpapi.Transport) {
		flow := s.tracer.Trace(roots...)
		t := &transport{root: roots[0], idle: foreign(s.index, roots[0])}
		for _, v := range flow.Values {
			sets.byValue[v] = append(sets.byValue[v], t)
			for _, ref := range s.index.Referrers(v) {
				switch ref := ref.(type) {
				case *ssa.FieldAddr:
					f := ssaflow.FieldOf(ref.X.Type(), ref.Field)
					if ref.X == v && httpapi.TransportIdleConnTimeout.Matches(ref.X.Type(), f) {
						for _, st := range storesTo(ref) {
							if d, known := ssaflow.ConstInt(st.Val); !known || d > 0 {
								t.idle = true
							}
						}
					}
				case *ssa.Store:
					// The whole transport overwritten (*t = *other): its
					// IdleConnTimeout is unknown.
					if ref.Addr == v && !ssaflow.IsZeroConst(ref.Val) {
						t.idle = true
					}
				}
			}
		}
		for _, h := range flow.HandOffs {
			if h.Kind == ssaflow.Call && transportMethod(callee.Func(h.Instr.(ssa.CallInstruction).Common())) {
				continue
			}
			if h.Kind != ssaflow.Return { // returned: judged here, where it is built
				t.handOff = true
			}
		}
	}
	return sets
}

// transportMethod reports whether fn is a method of http.Transport or
// RoundTrip of http.RoundTripper: none of them sets IdleConnTimeout.
func transportMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if httpapi.RoundTripperRoundTrip.Matches(fn) {
		return true
	}
	recv := fn.Signature().Recv()
	return recv != nil && (httpapi.Transport.Matches(recv.Type()) || httpapi.Transport.MatchesPtr(recv.Type()))
}

// valueSets maps each traced SSA value to the traced objects it may hold.
type valueSets[T any] struct {
	byValue map[ssa.Value][]*T
}

func (s *valueSets[T]) of(v ssa.Value) []*T { return s.byValue[v] }

// roots returns the starting points of the values of named type t in the
// package, one slice per value: every allocation, each struct field holding
// a t by value (all selections of one field are one value), each package
// variable of type t, and each *t produced by a call of code outside the
// package (calls of the package's own functions are followed through their
// results).
func (s *state) roots(t httpapi.Type) [][]ssa.Value {
	var roots [][]ssa.Value
	byField := make(map[*types.Var][]ssa.Value)
	var fieldOrder []*types.Var
	for _, fn := range s.index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				v, ok := instr.(ssa.Value)
				if !ok || !t.MatchesPtr(v.Type()) {
					continue
				}
				switch v := v.(type) {
				case *ssa.Alloc:
					roots = append(roots, []ssa.Value{v})
				case *ssa.FieldAddr:
					f := ssaflow.FieldOf(v.X.Type(), v.Field)
					if f == nil {
						continue
					}
					if byField[f] == nil {
						fieldOrder = append(fieldOrder, f)
					}
					byField[f] = append(byField[f], v)
				case *ssa.Call, *ssa.Extract:
					if foreign(s.index, v) {
						roots = append(roots, []ssa.Value{v})
					}
				}
			}
		}
	}
	for _, f := range fieldOrder {
		roots = append(roots, byField[f])
	}
	pkg := s.index.Pkg
	for _, name := range pkg.Pkg.Scope().Names() {
		if g, ok := pkg.Members[name].(*ssa.Global); ok && t.MatchesPtr(g.Type()) {
			roots = append(roots, []ssa.Value{g})
		}
	}
	return roots
}

// foreign reports whether v is the result of a call of code outside the
// package (a function of another package, a function value, an interface
// method).
func foreign(x *ssaflow.Index, v ssa.Value) bool {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := callee.Body(&call.Call)
	return fn == nil || fn.Pkg != x.Pkg
}

// keepAliveSettings returns the stores that turn TCP keep-alive on for a
// traced Dialer or ListenConfig: KeepAlive set to a positive or unknown
// duration (0 is the default, negative disables probes), or
// KeepAliveConfig set with Enable true or unknown.
func keepAliveSettings(x *ssaflow.Index, flow *ssaflow.Flow, keepAlive, config httpapi.Field) []setting {
	var out []setting
	for _, v := range flow.Values {
		for _, ref := range x.Referrers(v) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v {
				continue
			}
			f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
			switch {
			case keepAlive.Matches(fa.X.Type(), f):
				for _, st := range storesTo(fa) {
					if d, known := ssaflow.ConstInt(st.Val); !known || d > 0 {
						out = append(out, setting{st, keepAlive.String(), st.Val})
					}
				}
			case config.Matches(fa.X.Type(), f):
				for _, st := range storesTo(fa) {
					if configEnabled(st.Val) {
						out = append(out, setting{st, config.String(), nil})
					}
				}
				// d.KeepAliveConfig.Enable = true
				for _, use := range *fa.Referrers() {
					en, ok := use.(*ssa.FieldAddr)
					if !ok || !httpapi.KeepAliveConfigEnable.Matches(en.X.Type(), ssaflow.FieldOf(en.X.Type(), en.Field)) {
						continue
					}
					for _, st := range storesTo(en) {
						if on, known := ssaflow.ConstBool(st.Val); !known || on {
							out = append(out, setting{st, config.String(), nil})
						}
					}
				}
			}
		}
	}
	return out
}

// configEnabled reports whether a net.KeepAliveConfig value may have Enable
// set: anything but the zero value or a literal that leaves Enable false.
func configEnabled(v ssa.Value) bool {
	if ssaflow.IsZeroConst(v) {
		return false
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return true
	}
	lit, ok := load.X.(*ssa.Alloc)
	if !ok {
		return true
	}
	// A composite literal: its Alloc is only selected and loaded.
	for _, ref := range *lit.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if !httpapi.KeepAliveConfigEnable.Matches(ref.X.Type(), ssaflow.FieldOf(ref.X.Type(), ref.Field)) {
				continue
			}
			for _, st := range storesTo(ref) {
				if on, known := ssaflow.ConstBool(st.Val); !known || on {
					return true
				}
			}
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			return true
		}
	}
	return false
}

func storesTo(addr ssa.Value) []*ssa.Store {
	var out []*ssa.Store
	for _, ref := range *addr.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == addr {
			out = append(out, st)
		}
	}
	return out
}

// feeds returns where dial functions made from a traced dialer are stored
// into the Dial or DialContext field of an http.Transport. A dial function
// is the method value d.Dial or d.DialContext, or a function of the package
// that calls one of them on the dialer (a closure wrapping it, a named
// helper), or that calls such a function.
func (s *state) feeds(dialer *ssaflow.Flow) []feed {
	var values []ssa.Value // dial function values
	var dialFuncs []*ssa.Function
	for _, v := range dialer.Values {
		for _, ref := range s.index.Referrers(v) {
			switch ref := ref.(type) {
			case *ssa.MakeClosure:
				fn := ref.Fn.(*ssa.Function)
				if m, ok := fn.Object().(*types.Func); ok && fn.Synthetic != "" && dialMethod(m) && len(ref.Bindings) == 1 && ref.Bindings[0] == v {
					values = append(values, ref)
				}
			case ssa.CallInstruction:
				common := ref.Common()
				if !common.IsInvoke() && len(common.Args) > 0 && common.Args[0] == v && dialMethod(callee.Func(common)) {
					if fn := ref.Parent(); !slices.Contains(dialFuncs, fn) {
						dialFuncs = append(dialFuncs, fn)
					}
				}
			}
		}
	}
	// Functions that call a dial function dial too. Each function is
	// added once, so this ends.
	for i := 0; i < len(dialFuncs); i++ {
		for _, call := range s.index.Callers(dialFuncs[i]) {
			if fn := call.Parent(); !slices.Contains(dialFuncs, fn) {
				dialFuncs = append(dialFuncs, fn)
			}
		}
	}
	var out []feed
	for _, fn := range dialFuncs {
		vs, direct := s.valuesOf(fn)
		values = append(values, vs...)
		for _, st := range direct {
			if f, ok := transportFeed(st); ok {
				out = append(out, f)
			}
		}
	}
	if len(values) == 0 {
		return out
	}
	flow := s.tracer.Trace(values...)
	for _, v := range flow.Values {
		for _, ref := range s.index.Referrers(v) {
			if st, ok := ref.(*ssa.Store); ok && st.Val == v {
				if f, ok := transportFeed(st); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

func dialMethod(fn *types.Func) bool {
	return httpapi.DialerDial.Matches(fn) || httpapi.DialerDialContext.Matches(fn)
}

// transportFeed reports whether st stores into the Dial or DialContext
// field of an http.Transport.
func transportFeed(st *ssa.Store) (feed, bool) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return feed{}, false
	}
	f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
	if !httpapi.TransportDial.Matches(fa.X.Type(), f) && !httpapi.TransportDialContext.Matches(fa.X.Type(), f) {
		return feed{}, false
	}
	return feed{fa.X, st}, true
}

// valuesOf returns the values that hold fn as a function value: its
// closures, the bound method values of a method, the function itself when
// it is anonymous and captures nothing, and the places a named function is
// used as a value (values made from it, parameters it is passed to). Stores
// of a named function are returned apart: there is no value to trace.
func (s *state) valuesOf(fn *ssa.Function) (values []ssa.Value, stores []*ssa.Store) {
	if s.closures == nil {
		s.indexFuncValues()
	}
	for _, mc := range s.closures[fn] {
		values = append(values, mc)
	}
	if fn.Parent() != nil {
		if len(fn.FreeVars) == 0 {
			values = append(values, fn)
		}
		return values, nil
	}
	for _, use := range s.fnUses[fn] {
		switch use := use.(type) {
		case *ssa.Store:
			if use.Val == fn {
				stores = append(stores, use)
			}
		case ssa.CallInstruction:
			common := use.Common()
			body := callee.Body(common)
			if body == nil || body.Pkg != s.index.Pkg {
				continue
			}
			for i, arg := range common.Args {
				if arg == fn && i < len(body.Params) {
					values = append(values, body.Params[i])
				}
			}
		case ssa.Value:
			values = append(values, use)
		}
	}
	return values, stores
}

// indexFuncValues records, in one pass over the package, the closures of
// each function (for a method, its bound method values) and the
// instructions that use a named function as a value.
func (s *state) indexFuncValues() {
	s.closures = make(map[*ssa.Function][]*ssa.MakeClosure)
	s.fnUses = make(map[*ssa.Function][]ssa.Instruction)
	prog := s.index.Pkg.Prog
	var ops []*ssa.Value
	for _, fn := range s.index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var callValue ssa.Value
				switch instr := instr.(type) {
				case *ssa.MakeClosure:
					callValue = instr.Fn
					target := instr.Fn.(*ssa.Function)
					if m, ok := target.Object().(*types.Func); ok && target.Synthetic != "" {
						// A bound method value: t.m is a closure of m.
						if body := prog.FuncValue(m.Origin()); body != nil {
							target = body
						}
					}
					s.closures[target] = append(s.closures[target], instr)
				case ssa.CallInstruction:
					if !instr.Common().IsInvoke() {
						callValue = instr.Common().Value
					}
				}
				for _, op := range instr.Operands(ops[:0]) {
					if f, ok := (*op).(*ssa.Function); ok && f != callValue && f.Parent() == nil {
						s.fnUses[f] = append(s.fnUses[f], instr)
					}
				}
			}
		}
	}
}

// reportDialer reports one keep-alive setting of a dialer that feeds
// transports. lacking are the fed transports that never expire idle
// connections.
func (s *state) reportDialer(set setting, feeds []feed, lacking []*transport) {
	if s.reported[set.instr] {
		return
	}
	var problems []string
	if set.value != nil {
		if name := s.idleOrigin(set); name != "" {
			problems = append(problems, fmt.Sprintf("it is set from %s, an HTTP idle timeout", name))
		}
		if d, known := ssaflow.ConstInt(set.value); known && time.Duration(d) < s.opts.MinKeepAlive {
			problems = append(problems, fmt.Sprintf("probes every %s on an HTTP transport only add traffic", time.Duration(d)))
		}
	}
	if len(lacking) > 0 {
		problems = append(problems, "this Transport never expires idle connections")
	}
	if len(problems) == 0 {
		return
	}
	diag, ok := s.diagnostic(set)
	if !ok {
		return
	}
	s.reported[set.instr] = true
	diag.Message = fmt.Sprintf("%s sets TCP keep-alive probes, not HTTP idle time; %s",
		set.subject, strings.Join(problems, "; "))
	for _, t := range lacking {
		if lit := s.literal(t.root); lit != nil {
			diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: lit.Pos(), End: lit.End(), Message: "http.Transport without IdleConnTimeout"})
		}
	}
	if len(lacking) == 0 {
		for _, f := range feeds {
			if f.store.Pos().IsValid() {
				diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: f.store.Pos(), Message: "the dialer feeds an http.Transport here"})
			}
		}
	}
	if len(lacking) == 1 {
		if fix, ok := s.fix(lacking[0]); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	s.rep.Report(diag, "set IdleConnTimeout below the server's idle timeout")
}

// diagnostic places a diagnostic on the syntax of a setting: the key:
// value element of a literal, the assignment, or the call. It fails for
// code outside the package's files.
func (s *state) diagnostic(set setting) (analysis.Diagnostic, bool) {
	pos := set.pos()
	file, path := s.rep.Path(pos)
	if file == nil {
		return analysis.Diagnostic{}, false
	}
	diag := analysis.Diagnostic{Pos: pos}
	for _, n := range path {
		switch n.(type) {
		case *ast.KeyValueExpr, *ast.AssignStmt, *ast.CallExpr:
			diag.Pos, diag.End = n.Pos(), n.End()
			return diag, true
		}
	}
	return diag, true
}

// literal returns the composite literal that allocates root, if any.
func (s *state) literal(root ssa.Value) *ast.CompositeLit {
	alloc, ok := root.(*ssa.Alloc)
	if !ok || !alloc.Pos().IsValid() {
		return nil
	}
	_, path := s.rep.Path(alloc.Pos())
	for _, n := range path {
		if lit, ok := n.(*ast.CompositeLit); ok {
			if lit.Lbrace == alloc.Pos() {
				return lit
			}
			return nil
		}
	}
	return nil
}

// fix adds IdleConnTimeout to the literal of a transport that lacks it.
func (s *state) fix(t *transport) (analysis.SuggestedFix, bool) {
	lit := s.literal(t.root)
	if lit == nil || s.fixed[lit] {
		return analysis.SuggestedFix{}, false
	}
	if !s.rep.Editable(lit.Pos()) {
		return analysis.SuggestedFix{}, false
	}
	file := astfix.File(s.pass, lit.Pos())
	timeName, importEdit, ok := astfix.Import(file, "time", "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	tf := s.pass.Fset.File(lit.Pos())
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.SuggestedFix{}, false
	}
	value := astfix.Duration(s.opts.IdleConnTimeout, timeName)
	edit, ok := astfix.SetField(tf, src, lit, "IdleConnTimeout", value)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	s.fixed[lit] = true
	edits := []analysis.TextEdit{edit}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return analysis.SuggestedFix{Message: "Add IdleConnTimeout: " + value, TextEdits: edits}, true
}

// idleOrigin returns the name, in the syntax of the stored value or in its
// SSA origin, that says the value is an HTTP idle timeout: an identifier,
// field, package variable or configuration key naming "idle" (but not a
// TCP keep-alive idle time such as KeepAliveIdle).
func (s *state) idleOrigin(set setting) string {
	st := set.instr.(*ssa.Store)
	if name := idleInSyntax(s.rep, st); name != "" {
		return name
	}
	for _, src := range s.back.Sources(st.Val).Sources {
		if name := idleInSSA(src.Value); name != "" {
			return name
		}
	}
	return ""
}

func idleInSyntax(rep *report.Reporter, st *ssa.Store) string {
	pos := st.Pos()
	if !pos.IsValid() {
		return ""
	}
	_, path := rep.Path(pos)
	var value ast.Expr
	for _, n := range path {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			value = kv.Value
			break
		}
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if lhs.Pos() <= pos && pos <= lhs.End() || len(as.Lhs) == 1 {
					value = as.Rhs[i]
				}
			}
			break
		}
	}
	if value == nil {
		return ""
	}
	found := ""
	ast.Inspect(value, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if idleName(n.Name) {
				found = n.Name
			}
		case *ast.BasicLit:
			if s, err := strconv.Unquote(n.Value); n.Kind == token.STRING && err == nil && idleName(s) {
				found = n.Value
			}
		}
		return true
	})
	return found
}

// idleInSSA returns the name of a field, package variable, function or
// configuration key named like an idle timeout that a source of a stored
// value reads or calls.
func idleInSSA(v ssa.Value) string {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = load.X
	}
	switch v := v.(type) {
	case *ssa.FieldAddr:
		if f := ssaflow.FieldOf(v.X.Type(), v.Field); f != nil && idleName(f.Name()) {
			return f.Name()
		}
	case *ssa.Field:
		if f := ssaflow.FieldOf(v.X.Type(), v.Field); f != nil && idleName(f.Name()) {
			return f.Name()
		}
	case *ssa.Global:
		if idleName(v.Name()) {
			return v.Name()
		}
	case *ssa.Call:
		if fn := callee.Func(&v.Call); fn != nil && idleName(fn.Name()) {
			return fn.Name()
		}
		for _, arg := range v.Call.Args {
			if key, ok := ssaflow.ConstString(arg); ok && idleName(key) {
				return strconv.Quote(key)
			}
		}
	}
	return ""
}

// isCall reports whether v is a call's result: its name says what it is,
// so the walk back ends there.
func isCall(v ssa.Value) bool {
	_, ok := v.(*ssa.Call)
	return ok
}

// operands returns what arithmetic and conversions compute v from: an
// idle timeout scaled or converted is still one. The walk back reads the
// last operand first, so X comes last: its name is the one reported.
func operands(v ssa.Value) []ssa.Value {
	switch v := v.(type) {
	case *ssa.BinOp:
		return []ssa.Value{v.Y, v.X}
	case *ssa.Convert:
		return []ssa.Value{v.X}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return []ssa.Value{v.X}
		}
	}
	return nil
}

// idleName reports whether a name says "HTTP idle timeout": it mentions
// idle, and neither keep-alive nor TCP (TCPKeepAliveIdle is the TCP
// setting, correctly named).
func idleName(name string) bool {
	n := strings.ToLower(name)
	n = strings.NewReplacer("_", "", "-", "", ".", "", " ", "").Replace(n)
	return strings.Contains(n, "idle") && !strings.Contains(n, "keepalive") && !strings.Contains(n, "tcp")
}

// A serveCall serves HTTP on a listener.
type serveCall struct {
	call     ssa.CallInstruction
	listener ssa.Value
	server   ssa.Value // the *http.Server; nil for http.Serve's zero Server
}

// server is what the package does with one traced http.Server.
type server struct {
	timeouts bool // IdleTimeout or ReadTimeout set to a non-zero or unknown value
	off      bool // SetKeepAlivesEnabled(false), or an unknown argument
	handOff  bool // reaches code that may set a timeout
}

func (s *server) lacking() bool { return !s.timeouts && !s.off && !s.handOff }

// listeners reports the keep-alive settings of listeners served by an
// http.Server that never closes idle connections: listeners made by a
// net.ListenConfig that sets KeepAlive, and listener types of the package
// whose Accept turns keep-alive on.
func (s *state) listeners() {
	serves := s.serveCalls()
	if len(serves) == 0 {
		return
	}
	var servers *valueSets[server]
	// lackingServes returns the serve calls whose server never closes idle
	// connections, among those whose listener is served(listener).
	lackingServes := func(served func(ssa.Value) bool) []serveCall {
		var out []serveCall
		for _, sc := range serves {
			if !served(sc.listener) {
				continue
			}
			if sc.server == nil {
				out = append(out, sc)
				continue
			}
			if servers == nil {
				servers = s.servers()
			}
			ss := servers.of(sc.server)
			if len(ss) > 0 && !slices.ContainsFunc(ss, func(srv *server) bool { return !srv.lacking() }) {
				out = append(out, sc)
			}
		}
		return out
	}

	for _, roots := range s.roots(httpapi.ListenConfig) {
		flow := s.tracer.Trace(roots...)
		settings := s.reportable(keepAliveSettings(s.index, flow, httpapi.ListenConfigKeepAlive, httpapi.ListenConfigKeepAliveConfig))
		if len(settings) == 0 {
			continue
		}
		var lns []ssa.Value
		for _, v := range flow.Values {
			for _, ref := range s.index.Referrers(v) {
				call, ok := ref.(*ssa.Call)
				if !ok {
					continue
				}
				common := call.Common()
				if common.IsInvoke() || len(common.Args) == 0 || common.Args[0] != v ||
					!httpapi.ListenConfigListen.Matches(callee.Func(common)) {
					continue
				}
				for _, use := range *call.Referrers() {
					if ex, ok := use.(*ssa.Extract); ok && ex.Index == 0 {
						lns = append(lns, ex)
					}
				}
			}
		}
		if len(lns) == 0 {
			continue
		}
		listener := s.tracer.Trace(lns...)
		held := make(map[ssa.Value]bool, len(listener.Values))
		for _, v := range listener.Values {
			held[v] = true
		}
		if served := lackingServes(func(v ssa.Value) bool { return held[v] }); len(served) > 0 {
			for _, set := range settings {
				s.reportListener(set, served)
			}
		}
	}

	scope := s.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		settings := s.acceptSettings(tn)
		if len(settings) == 0 || s.rep.Generated(settings[0].pos()) {
			continue // one report per listener type, at the first setting
		}
		served := lackingServes(func(v ssa.Value) bool { return s.listenerOf(v, tn) })
		if len(served) > 0 {
			s.reportListener(settings[0], served) // one report per listener type
		}
	}
}

// serveCalls returns the package's calls of (*http.Server).Serve and
// ServeTLS, http.Serve and http.ServeTLS.
func (s *state) serveCalls() []serveCall {
	var out []serveCall
	for _, fn := range s.index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || call.Common().IsInvoke() {
					continue
				}
				common := call.Common()
				f := callee.Func(common)
				switch {
				case httpapi.ServerServesListener.Matches(f) && len(common.Args) >= 2:
					out = append(out, serveCall{call, common.Args[1], common.Args[0]})
				case httpapi.ServeFuncs.Matches(f) && len(common.Args) >= 1:
					out = append(out, serveCall{call, common.Args[0], nil})
				}
			}
		}
	}
	return out
}

// servers traces every http.Server of the package.
func (s *state) servers() *valueSets[server] {
	sets := &valueSets[server]{byValue: make(map[ssa.Value][]*server)}
	for _, roots := range s.roots(httpapi.Server) {
		flow := s.tracer.Trace(roots...)
		srv := &server{timeouts: foreign(s.index, roots[0])}
		for _, v := range flow.Values {
			sets.byValue[v] = append(sets.byValue[v], srv)
			for _, ref := range s.index.Referrers(v) {
				switch ref := ref.(type) {
				case *ssa.FieldAddr:
					f := ssaflow.FieldOf(ref.X.Type(), ref.Field)
					if ref.X != v || !httpapi.ServerIdleTimeout.Matches(ref.X.Type(), f) && !httpapi.ServerReadTimeout.Matches(ref.X.Type(), f) {
						continue
					}
					for _, st := range storesTo(ref) {
						if d, known := ssaflow.ConstInt(st.Val); !known || d != 0 {
							srv.timeouts = true
						}
					}
				case *ssa.Store:
					if ref.Addr == v && !ssaflow.IsZeroConst(ref.Val) {
						srv.timeouts = true // overwritten with a server of unknown timeouts
					}
				}
			}
		}
		for _, h := range flow.HandOffs {
			switch h.Kind {
			case ssaflow.Return:
			case ssaflow.Call:
				common := h.Instr.(ssa.CallInstruction).Common()
				fn := callee.Func(common)
				switch {
				case httpapi.ServerSetKeepAlivesEnabled.Matches(fn):
					if on, known := ssaflow.ConstBool(common.Args[len(common.Args)-1]); !known || !on {
						srv.off = true
					}
				case httpapi.ServerServes.Matches(fn),
					httpapi.ServerStops.Matches(fn):
				default:
					srv.handOff = true
				}
			default:
				srv.handOff = true
			}
		}
	}
	return sets
}

// acceptSettings returns the calls that turn TCP keep-alive on in the
// Accept method that a listener type of the package declares.
func (s *state) acceptSettings(tn *types.TypeName) []setting {
	if _, ok := tn.Type().Underlying().(*types.Interface); ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, tn.Pkg(), "Accept")
	m, ok := obj.(*types.Func)
	if !ok || m.Pkg() != tn.Pkg() {
		return nil // no Accept, or one promoted from another package's type
	}
	if recv := m.Signature().Recv(); recv == nil || httpapi.NamedOf(recv.Type()) != tn {
		return nil // promoted from an embedded type of the package
	}
	body := s.index.Pkg.Prog.FuncValue(m)
	if body == nil {
		return nil
	}
	var out []setting
	fns := append([]*ssa.Function{body}, body.AnonFuncs...)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				common := call.Common()
				f := callee.Func(common)
				if f == nil || !setsConnKeepAlive(f) || len(common.Args) == 0 {
					continue
				}
				arg := common.Args[len(common.Args)-1]
				switch {
				case httpapi.TCPConnSetKeepAlive.Matches(f):
					if on, known := ssaflow.ConstBool(arg); known && !on {
						continue
					}
				case httpapi.TCPConnSetKeepAliveConfig.Matches(f):
					if !configEnabled(arg) {
						continue
					}
				}
				out = append(out, setting{call, "net.TCPConn." + f.Name(), nil})
			}
		}
	}
	return out
}

// listenerOf reports whether a value passed as a net.Listener may be a
// listener of type tn.
func (s *state) listenerOf(v ssa.Value, tn *types.TypeName) bool {
	return slices.ContainsFunc(s.back.Sources(v).Sources, func(src ssaflow.Source) bool {
		return httpapi.NamedOf(src.Value.Type()) == tn
	})
}

// reportListener reports one keep-alive setting of a listener served by
// http.Servers that never close idle connections.
func (s *state) reportListener(set setting, served []serveCall) {
	if s.reported[set.instr] {
		return
	}
	diag, ok := s.diagnostic(set)
	if !ok {
		return
	}
	s.reported[set.instr] = true
	diag.Message = set.subject + " sets TCP keep-alive probes, not HTTP idle time; this http.Server never closes idle connections"
	for _, sc := range served {
		msg := "served here by an http.Server without IdleTimeout or ReadTimeout"
		if sc.server == nil {
			msg = "served here by http.Serve, whose http.Server has no IdleTimeout or ReadTimeout"
		}
		diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: sc.call.Pos(), Message: msg})
	}
	s.rep.Report(diag, "set IdleTimeout on the http.Server")
}
