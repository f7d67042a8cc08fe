package keepalivesoff

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/docs"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
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
	// Tests makes the analyzer report in _test.go files too. Flag
	// -keepalivesoff.tests.
	Tests bool
}

// Analyzer is keepalivesoff with default options.
var Analyzer = New(Options{})

// New returns a keepalivesoff analyzer with its own options and flags.
func New(opts Options) *analysis.Analyzer {
	c := &checker{opts: opts}
	a := &analysis.Analyzer{
		Name:     "keepalivesoff",
		Doc:      docs.MustExtract(doc, "keepalivesoff"),
		URL:      "https://pkg.go.dev/github.com/kalint/kalint/analyzers/keepalivesoff",
		Requires: []*analysis.Analyzer{ssapass.Analyzer},
		Run:      ssapass.Guard(c.run),
	}
	a.Flags.BoolVar(&c.opts.Tests, "tests", opts.Tests, "also report in _test.go files")
	return a
}

type checker struct {
	opts Options
}

// cost is the consequence every diagnostic names.
const cost = "a new TCP connection per request and TIME_WAIT sockets on the side that closes first"

func (c *checker) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[ssapass.Analyzer].(*ssapass.Result)
	if !res.ReachesHTTP || !mentioned(res.Names(), pass.TypesInfo) {
		return nil, nil
	}
	pkg, index := res.SSA()
	s := &state{
		checker:  c,
		pass:     pass,
		rep:      report.New(pass),
		index:    index,
		tracer:   &ssaflow.Tracer{Index: index, Fields: true, OwnFields: true},
		reported: make(map[token.Pos]bool),
	}
	var transports, requests, servers []ssa.Value
	for _, fn := range index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Alloc:
					switch t := instr.Type(); {
					case httpapi.Transport.MatchesPtr(t):
						transports = append(transports, instr)
					case httpapi.Request.MatchesPtr(t):
						requests = append(requests, instr)
					case httpapi.Server.MatchesPtr(t):
						servers = append(servers, instr)
					}
				case *ssa.Store:
					// Requests from anywhere (parameters, other packages)
					// are followed from where they are switched.
					if fa, ok := instr.Addr.(*ssa.FieldAddr); ok && httpapi.RequestClose.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
						requests = append(requests, fa.X)
					}
				case *ssa.Call:
					fn := callee.Func(instr.Common())
					if httpapi.HeaderSet.Matches(fn) || httpapi.HeaderAdd.Matches(fn) {
						if load, ok := instr.Call.Args[0].(*ssa.UnOp); ok && load.Op == token.MUL {
							if fa, ok := load.X.(*ssa.FieldAddr); ok && httpapi.RequestHeader.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
								requests = append(requests, fa.X)
							}
						}
					}
					switch {
					case httpapi.TransportClone.Matches(fn):
						transports = append(transports, instr)
					case httpapi.RequestClone.Matches(fn), httpapi.RequestWithContext.Matches(fn):
						requests = append(requests, instr)
					case httpapi.NewRequest.Matches(fn), httpapi.NewRequestWithContext.Matches(fn):
						if req := result0(instr); req != nil {
							requests = append(requests, req)
						}
					}
				}
			}
		}
	}
	for _, name := range pkg.Pkg.Scope().Names() {
		if g, ok := pkg.Members[name].(*ssa.Global); ok && httpapi.Server.MatchesPtr(g.Type()) {
			servers = append(servers, g)
		}
	}
	for _, t := range transports {
		s.transport(t)
	}
	traced := make(map[ssa.Value]bool)
	for _, r := range requests {
		if !traced[r] { // a request switched twice is one root
			traced[r] = true
			s.request(r)
		}
	}
	for _, srv := range servers {
		s.server(srv)
	}
	return nil, nil
}

// mentioned is the cheap gate: the package names one of the switches.
func mentioned(names httpapi.Names, info *types.Info) bool {
	if httpapi.TransportDisableKeepAlives.Mentioned(names) || httpapi.RequestClose.Mentioned(names) ||
		httpapi.ServerSetKeepAlivesEnabled.Mentioned(names) {
		return true
	}
	if !httpapi.HeaderSet.Mentioned(names) && !httpapi.HeaderAdd.Mentioned(names) {
		return false
	}
	for _, tv := range info.Types {
		if s, ok := ssaflow.StringValue(tv.Value); ok && isClose(s) {
			return true
		}
	}
	return false
}

// A state is the analysis of one package: its SSA index, tracer and
// loops, and the switches already reported.
type state struct {
	*checker
	pass     *analysis.Pass
	rep      *report.Reporter
	index    *ssaflow.Index
	tracer   *ssaflow.Tracer
	loops    ssaflow.Loops
	reported map[token.Pos]bool
}

// transport reports DisableKeepAlives: true on a transport that sends more
// than one request.
func (s *state) transport(root ssa.Value) {
	flow := s.tracer.Trace(root)
	stores := s.reportable(trueStores(s.index, flow, httpapi.TransportDisableKeepAlives))
	if len(stores) == 0 {
		return
	}
	sends := sendsThrough(flow, httpapi.TransportSends)
	var clients []ssa.Value
	for _, v := range flow.Values {
		for _, ref := range s.index.Referrers(v) {
			st, ok := ref.(*ssa.Store)
			if !ok || st.Val != v {
				continue
			}
			if fa, ok := st.Addr.(*ssa.FieldAddr); ok && httpapi.ClientTransport.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
				clients = append(clients, s.widen(fa.X)...)
			}
		}
	}
	if len(clients) > 0 {
		sends = append(sends, sendsThrough(s.tracer.Trace(clients...), httpapi.ClientSends)...)
	}
	creations := []ssa.Instruction{root.(ssa.Instruction)}
	for _, v := range flow.Values {
		if call := resultOf(v); call != nil && callee.Body(call.Common()) != nil {
			creations = append(creations, call)
		}
	}
	evidence := s.repeated(sends, creations)
	if evidence == nil {
		return
	}
	for _, st := range stores {
		s.report(ssaflow.StorePos(st), "http.Transport sets DisableKeepAlives and sends more than one request", "Remove DisableKeepAlives: true", evidence)
	}
}

// request reports Close = true and Connection: close on requests sent by
// code that runs more than once.
func (s *state) request(root ssa.Value) {
	flow := s.tracer.Trace(root)
	closes := s.reportable(trueStores(s.index, flow, httpapi.RequestClose))
	headers := slices.DeleteFunc(s.connectionClose(flow), func(c ssa.CallInstruction) bool { return s.rep.Generated(c.Pos()) })
	if len(closes)+len(headers) == 0 {
		return
	}
	sends := sendsThrough(flow, httpapi.Callees{httpapi.ClientDo, httpapi.TransportSends})
	var evidence []ssa.CallInstruction
	for _, send := range sends {
		if s.repeats(send, nil) {
			evidence = []ssa.CallInstruction{send}
			break
		}
	}
	if evidence == nil {
		return
	}
	for _, st := range closes {
		s.report(ssaflow.StorePos(st), "http.Request sets Close in code that sends repeatedly", "Remove the Close = true", evidence)
	}
	for _, call := range headers {
		s.report(call.Pos(), "http.Request sets Connection: close in code that sends repeatedly", "Remove the Connection: close header", evidence)
	}
}

// server reports SetKeepAlivesEnabled(false) where a server is set up or
// served, outside a shutdown path.
func (s *state) server(root ssa.Value) {
	flow := s.tracer.Trace(root)
	var rootFn *ssa.Function
	if instr, ok := root.(ssa.Instruction); ok {
		rootFn = instr.Parent()
	}
	for _, h := range flow.HandOffs {
		call, ok := h.Instr.(ssa.CallInstruction)
		if h.Kind != ssaflow.Call || !ok || !httpapi.ServerSetKeepAlivesEnabled.Matches(callee.Func(call.Common())) {
			continue
		}
		args := call.Common().Args
		if on, known := ssaflow.ConstBool(args[len(args)-1]); !known || on {
			continue
		}
		fn := call.Parent()
		var serves []ssa.CallInstruction
		for _, serve := range sendsThrough(flow, httpapi.ServerServes) {
			if serve.Parent() == fn {
				serves = append(serves, serve)
			}
		}
		if fn != rootFn && len(serves) == 0 {
			continue // a method of its own, such as a drain hook: may be a shutdown path
		}
		if s.rep.Generated(call.Pos()) {
			continue
		}
		if s.shutdownPath(call, flow) {
			continue
		}
		s.report(call.Pos(), "http.Server disables keep-alives outside shutdown", "", serves)
	}
}

// reportable drops the stores in generated files: not reported, so not
// worth the search for repeated sends.
func (s *state) reportable(stores []*ssa.Store) []*ssa.Store {
	return slices.DeleteFunc(stores, func(st *ssa.Store) bool { return s.rep.Generated(ssaflow.StorePos(st)) })
}

// trueStores returns the stores of the constant true to field f of the
// traced value.
func trueStores(x *ssaflow.Index, flow *ssaflow.Flow, f httpapi.Field) []*ssa.Store {
	var stores []*ssa.Store
	for _, v := range flow.Values {
		for _, ref := range x.Referrers(v) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != v || !f.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
				continue
			}
			for _, use := range *fa.Referrers() {
				if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
					if on, known := ssaflow.ConstBool(st.Val); known && on {
						stores = append(stores, st)
					}
				}
			}
		}
	}
	return stores
}

// connectionClose returns the calls that set or add the header
// Connection: close on the traced request.
func (s *state) connectionClose(flow *ssaflow.Flow) []ssa.CallInstruction {
	var calls []ssa.CallInstruction
	for _, v := range flow.Values {
		for _, w := range httpflow.HeaderWrites(v) {
			call, ok := w.Instr.(ssa.CallInstruction)
			key, ok1 := ssaflow.ConstString(w.Key)
			val, ok2 := ssaflow.ConstString(w.Value)
			if ok && ok1 && ok2 && strings.EqualFold(key, "Connection") && isClose(val) {
				calls = append(calls, call)
			}
		}
	}
	return calls
}

// sendsThrough returns the calls of one of ms that the traced value reaches.
func sendsThrough(flow *ssaflow.Flow, ms httpapi.Callees) []ssa.CallInstruction {
	var calls []ssa.CallInstruction
	for _, h := range flow.HandOffs {
		if call, ok := h.Instr.(ssa.CallInstruction); ok && h.Kind == ssaflow.Call && ms.Matches(callee.Func(call.Common())) {
			calls = append(calls, call)
		}
	}
	return calls
}

// widen returns v and, when v is loaded from a package variable or a struct
// field, every load of that variable or field: all of them hold the same
// client.
func (s *state) widen(v ssa.Value) []ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return []ssa.Value{v}
	}
	var addrs []ssa.Value
	switch x := load.X.(type) {
	case *ssa.Global:
		addrs = []ssa.Value{x}
	case *ssa.FieldAddr:
		if f := ssaflow.FieldOf(x.X.Type(), x.Field); f != nil {
			addrs = s.index.Selections(f)
		}
	}
	vs := []ssa.Value{v}
	for _, addr := range addrs {
		for _, ref := range s.index.Referrers(addr) {
			if l, ok := ref.(*ssa.UnOp); ok && l.Op == token.MUL && l != load {
				vs = append(vs, l)
			}
		}
	}
	return vs
}

// repeated returns the sends that show a transport sending more than one
// request: two send sites of one function, one after the other (sites on
// exclusive branches, such as a command-line switch, do not count), or one
// site that runs more than once for each transport created; nil if there
// are none.
func (s *state) repeated(sends []ssa.CallInstruction, creations []ssa.Instruction) []ssa.CallInstruction {
	for i, a := range sends {
		for _, b := range sends[i+1:] {
			if a != b && ssaflow.Reaches(a, b) {
				return []ssa.CallInstruction{a, b}
			}
			if a != b && ssaflow.Reaches(b, a) {
				return []ssa.CallInstruction{b, a}
			}
		}
	}
	for _, send := range sends {
		if s.repeats(send, creations) {
			return []ssa.CallInstruction{send}
		}
	}
	return nil
}

// repeats reports whether instr may run more than once for each run of one
// of the creations (nil: per run of the program). It walks up from instr's
// function through the package's static call sites: a loop on the way
// repeats it, reaching a creation's function ends the walk (a loop there
// counts only if the creation is outside it), a function that runs once
// (main, init, a test) ends it, and a function that other code can call or
// that has several call sites repeats it.
func (s *state) repeats(instr ssa.Instruction, creations []ssa.Instruction) bool {
	seen := make(map[*ssa.Function]bool)
	for {
		fn := instr.Parent()
		for _, cr := range creations {
			if cr.Parent() == fn {
				return s.loops.InLoop(instr) && !s.loops.SameLoop(instr, cr)
			}
		}
		switch {
		case s.loops.InLoop(instr):
			return true
		case s.runsOnce(fn):
			return false
		case seen[fn], s.index.MayHaveUnseenCallers(fn):
			return true
		}
		seen[fn] = true
		callers := s.index.Callers(fn)
		switch len(callers) {
		case 0:
			return false // never called
		case 1:
			instr = callers[0]
		default:
			return true
		}
	}
}

// runsOnce reports whether fn runs at most once in a program: main.main,
// an init function, or a test or example function.
func (s *state) runsOnce(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Signature.Recv() != nil {
		return false
	}
	if fn.Synthetic == "package initializer" {
		return true
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	switch name := obj.Name(); {
	case name == "init":
		return true
	case name == "main":
		return fn.Pkg.Pkg.Name() == "main"
	case strings.HasPrefix(name, "Test"), strings.HasPrefix(name, "Example"):
		return report.InTest(s.pass.Fset, fn.Pos())
	}
	return false
}

// shutdownPath reports whether call is on a server's shutdown path in its
// function: after a channel receive, a select, ctx.Done(), signal.Notify
// or a Shutdown, Close or RegisterOnShutdown; or right before a Shutdown
// or Close with no serve after it.
func (s *state) shutdownPath(call ssa.CallInstruction, flow *ssaflow.Flow) bool {
	fn := call.Parent()
	var serves, stops []ssa.Instruction
	for _, h := range flow.HandOffs {
		c, ok := h.Instr.(ssa.CallInstruction)
		if !ok || h.Kind != ssaflow.Call || c.Parent() != fn {
			continue
		}
		switch callee := callee.Func(c.Common()); {
		case httpapi.ServerServes.Matches(callee):
			serves = append(serves, c)
		case httpapi.ServerStops.Matches(callee):
			stops = append(stops, c)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			sign := false
			switch instr := instr.(type) {
			case *ssa.UnOp:
				sign = instr.Op == token.ARROW
			case *ssa.Select:
				sign = true
			case ssa.CallInstruction:
				fn := callee.Func(instr.Common())
				sign = httpapi.ContextDone.Matches(fn) || httpapi.SignalNotify.Matches(fn) ||
					httpapi.ServerStops.Matches(fn)
			}
			if sign && ssaflow.Reaches(instr, call) {
				return true
			}
		}
	}
	for _, stop := range stops {
		if ssaflow.Reaches(call, stop) {
			for _, sv := range serves {
				if ssaflow.Reaches(call, sv) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// report reports one switch at pos, with the sends or serves as related
// places and, when fix is not empty and the switch stands alone, a fix that
// removes it.
func (s *state) report(pos token.Pos, problem, fix string, evidence []ssa.CallInstruction) {
	if s.reported[pos] {
		return
	}
	s.reported[pos] = true
	if !s.opts.Tests && report.InTest(s.pass.Fset, pos) {
		return
	}
	diag := analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf("%s (%s)", problem, cost)}
	_, path := s.rep.Path(pos)
	var node, removable ast.Node
	for i, n := range path {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			node, removable = n, n
		case *ast.AssignStmt:
			node, removable = n, n
		case *ast.CallExpr:
			if n.Lparen != pos {
				continue
			}
			node = n
			if i+1 < len(path) {
				if st, ok := path[i+1].(*ast.ExprStmt); ok {
					removable = st
				}
			}
		default:
			continue
		}
		break
	}
	if node != nil {
		diag.Pos, diag.End = node.Pos(), node.End()
	}
	if fix != "" && removable != nil {
		if edit, ok := s.removal(path, removable); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{{Message: fix, TextEdits: []analysis.TextEdit{edit}}}
		}
	}
	for _, e := range evidence {
		msg := "request sent here"
		if httpapi.ServerServes.Matches(callee.Func(e.Common())) {
			msg = "server served here"
		}
		if e.Pos().IsValid() {
			diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: e.Pos(), Message: msg})
		}
	}
	s.rep.Report(diag, "")
}

// removal deletes n: the lines it stands alone on (with a trailing line
// comment), or, for an element of a one-line composite literal, the element
// and its separator.
func (s *state) removal(path []ast.Node, n ast.Node) (analysis.TextEdit, bool) {
	tf := s.pass.Fset.File(n.Pos())
	src, err := s.pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.TextEdit{}, false
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	lineStart := tf.Offset(tf.LineStart(tf.Line(n.Pos())))
	lineEnd := end
	for lineEnd < len(src) && src[lineEnd] != '\n' {
		lineEnd++
	}
	before := strings.TrimSpace(string(src[lineStart:start]))
	after := strings.TrimSpace(string(src[end:lineEnd]))
	if _, ok := n.(*ast.KeyValueExpr); ok {
		after = strings.TrimSpace(strings.TrimPrefix(after, ","))
	}
	if strings.HasPrefix(after, "//") {
		after = "" // a line comment about the removed line goes with it
	}
	if before == "" && after == "" && lineEnd < len(src) {
		return analysis.TextEdit{Pos: tf.Pos(lineStart), End: tf.Pos(lineEnd + 1)}, true
	}
	kv, ok := n.(*ast.KeyValueExpr)
	if !ok {
		return analysis.TextEdit{}, false
	}
	for _, parent := range path {
		lit, ok := parent.(*ast.CompositeLit)
		if !ok {
			continue
		}
		for i, elt := range lit.Elts {
			if elt != kv {
				continue
			}
			switch {
			case i+1 < len(lit.Elts):
				return analysis.TextEdit{Pos: kv.Pos(), End: lit.Elts[i+1].Pos()}, true
			case i > 0:
				return analysis.TextEdit{Pos: lit.Elts[i-1].End(), End: kv.End()}, true
			default:
				return analysis.TextEdit{Pos: kv.Pos(), End: kv.End()}, true
			}
		}
		break
	}
	return analysis.TextEdit{}, false
}

// result0 returns the first result of a call with several results.
func result0(call *ssa.Call) ssa.Value {
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			return ex
		}
	}
	return nil
}

// resultOf returns the call whose result v is, directly or extracted.
func resultOf(v ssa.Value) *ssa.Call {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, _ := v.(*ssa.Call)
	return call
}

// isClose reports whether a Connection header value is the token close.
func isClose(s string) bool { return strings.EqualFold(strings.TrimSpace(s), "close") }
