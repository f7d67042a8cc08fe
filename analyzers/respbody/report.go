package respbody

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// source checks one response produced by call, the instruction b.Instrs[i]
// of fn, and records in r whether fn returns it.
func (s *state) source(fn *ssa.Function, call *ssa.Call, b *ssa.BasicBlock, i int, p producer, r *funcResult) {
	vals := make(map[ssa.Value]kind)
	var errs []ssa.Value
	if _, ok := call.Type().(*types.Tuple); ok {
		for _, ref := range *call.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok {
				switch ex.Index {
				case p.resp:
					vals[ex] = p.k
				case p.err:
					errs = append(errs, ex)
				default:
					if k, ok := p.same[ex.Index]; ok {
						vals[ex] = k
					}
				}
			}
		}
	} else if len(*call.Referrers()) > 0 {
		vals[call] = p.k
	}
	if !used(vals) {
		// A discarded response leaks on the paths where the call
		// succeeded and the function goes on: not after a failed call,
		// nor where a test that expected an error stops with t.Fatal. A
		// response from code the package cannot see, discarded whole, is
		// one its caller evidently knows needs nothing (a wrapper that
		// handles it). So is the result of the package's wrapper that
		// hands back no body for 204 No Content: the caller that drops
		// it expects that answer.
		if p.head || p.silent || p.unseen || p.noContent || p.target != nil || report.InTest(s.pass.Fset, call.Pos()) || s.rep.Generated(call.Pos()) {
			return // tests discard responses of calls that must fail
		}
		t := s.track(fn, nil, nil)
		s.contextDone(t, call, p)
		if w := s.walk(t, b, i+1, call, errs); len(w.leaks) > 0 {
			s.reportDiscarded(call)
		}
		return
	}
	if p.head || p.silent {
		return // a HEAD response's body is http.NoBody, and so is an empty answer's: nothing to close or read
	}
	t := s.track(fn, vals, nil)
	s.contextDone(t, call, p)
	guarded(t, p.guard, p.guardOpen)
	t.start = forwardedGuard(fn, p)
	for instr, e := range t.effects {
		if d, ok := instr.(*ssa.Defer); ok && e.ends && ssaflow.Dominates(d, call) {
			return // closed by a deferred call set up before the request
		}
	}
	w := s.walk(t, b, i+1, call, errs)
	for idx, k := range w.returned {
		r.fresh[idx] = k
	}
	if len(w.returned) > 0 {
		r.noContent = r.noContent || p.noContent && passesError(call, w.rets, errs) || noContent(t, call, w.returned)
		r.returns(w.returned, s.methodParam(fn, p.decider), p.target, resultGuard(fn, w), s.returnedCancel(call, p, w.rets))
	}
	if s.rep.Generated(call.Pos()) || p.target != nil || len(t.start) > 0 {
		// fn's callers needed its fresh results; the rest is reporting.
		// A body read into a target unless fn's caller gives nil is not
		// known to be open here, nor one the wrapper hands back open
		// only for some values of fn's own parameter: fn's callers'
		// arguments decide, and fn hands the guard on to them.
		return
	}
	if s.releasedInLoop(t, call) {
		w.leaks = slices.DeleteFunc(w.leaks, func(e exit) bool { return e.looped })
	}
	if slices.ContainsFunc(w.leaks, func(e exit) bool { return e.failed }) && releasedBefore(t, call) {
		w.leaks = slices.DeleteFunc(w.leaks, func(e exit) bool { return e.failed })
	}
	if len(w.leaks) > 0 {
		s.reportLeak(fn, call, p, w.leaks)
		return
	}
	if s.http2Only(call) {
		return // an unread close resets one stream, not the connection
	}
	if s.freshPool(call) || s.cheapConns(call) {
		return // no connection of this pool is reused, read or not
	}
	if len(w.returned) > 0 || !s.checkReuse(call, p, t) {
		if !s.checkResent(fn, call, p, t, w.unread, errs) {
			s.checkUnreadReturn(call, p, t, w.unreadReturns)
		}
	}
}

// http2Only reports whether call sends through an http.Client whose
// transport is x/net's HTTP/2-only *http2.Transport
// ([httpflow.HTTP2Only]). Closing such a body unread cancels its stream
// (transportResponseBody.Close and clientStream.cleanupWriteRequest in
// golang.org/x/net/http2/transport.go send RST_STREAM), and the
// connection stays in the pool for the next request.
func (s *state) http2Only(call *ssa.Call) bool {
	common := &call.Call
	if !httpapi.ClientSends.Matches(callee.Func(common)) || len(common.Args) == 0 {
		return false
	}
	return httpflow.HTTP2Only(s.clients, common.Args[0])
}

// freshPool reports whether call sends through a transport made for it
// alone, in the run of its function ([httpflow.FreshPool]): the pool dies
// with the call, so no connection of it is reused whether the body is
// read or not (transportreuse reports such a transport where requests
// repeat), and an unread close loses nothing. A body left open still
// holds its connection.
func (s *state) freshPool(call *ssa.Call) bool {
	common := &call.Call
	if common.IsInvoke() || len(common.Args) == 0 || !httpapi.ProducerMethods.Matches(callee.Func(common)) {
		return false
	}
	return httpflow.FreshPool(s.index, s.run, s.clientTracer, &s.loops, call, common.Args[0])
}

// cheapConns reports whether call sends through a client whose every
// transport has keep-alives off ([httpflow.KeepAlivesOff]: its
// connections are closed after each response, read or not, and
// keepalivesoff judges the switch itself) or dials only Unix sockets
// ([httpflow.UnixOnly]: a new connection costs no handshake and leaves no
// TIME_WAIT). An unread close loses nothing worth reporting.
func (s *state) cheapConns(call *ssa.Call) bool {
	common := &call.Call
	if common.IsInvoke() || len(common.Args) == 0 || !httpapi.ClientSends.Matches(callee.Func(common)) {
		return false
	}
	return httpflow.KeepAlivesOff(s.index, s.clients, s.clientTracer, common.Args[0]) ||
		httpflow.UnixOnly(s.clients, s.clientTracer, common.Args[0])
}

// checkUnreadReturn reports a body whose close is deferred and that a
// path returns success without reading (a request helper that reads the
// body only for an error status or into a result it may not be given):
// the callers that take that path, every time, give up the connection.
func (s *state) checkUnreadReturn(call *ssa.Call, p producer, t *tracked, rets []*ssa.Return) {
	if len(rets) == 0 || p.unseen || t.upgrade || p.upgrade || report.InTest(s.pass.Fset, call.Pos()) {
		return
	}
	ce, path := s.rep.Call(call.Pos())
	if ce == nil {
		return
	}
	s.rep.Report(analysis.Diagnostic{
		Pos:      ce.Pos(),
		End:      ce.End(),
		Category: CategoryNoReuse,
		Message:  fmt.Sprintf("%s is closed without being read on a path that returns normally (connection not reused)", subject(ce, path, p)),
		Related:  []analysis.RelatedInformation{{Pos: rets[0].Pos(), Message: "returns here with the body unread"}},
	}, "")
}

// checkResent reports a body closed unread on a path that goes on to send
// another request (a digest or token transport that closes the 401 and
// sends again, a loop that closes a bad answer and retries, a retried
// closure that closes it and fails: [state.failsAfter]): the next
// request cannot reuse the connection the close gave up, on a path the
// program takes every time its peer answers so, whether or not the
// function reads or returns the response on its other paths. errs are
// the producing call's error. It tells whether it reported.
func (s *state) checkResent(fn *ssa.Function, call *ssa.Call, p producer, t *tracked, unread []*ssa.Call, errs []ssa.Value) bool {
	if len(unread) == 0 || p.unseen || t.upgrade || p.upgrade || report.InTest(s.pass.Fset, call.Pos()) {
		return false
	}
	var sends []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if _, isSend := s.producer(c); isSend {
					sends = append(sends, c)
				}
			}
		}
	}
	for _, c := range unread {
		var failed *ssa.Return
		if !slices.ContainsFunc(sends, func(send ssa.Instruction) bool {
			return ssaflow.ReachesAvoiding(c, send, func(ssa.Instruction) bool { return false })
		}) {
			if failed = s.failsAfter(fn, c, errs); failed == nil {
				continue
			}
		}
		ce, path := s.rep.Call(call.Pos())
		if ce == nil {
			return false
		}
		d := analysis.Diagnostic{
			Pos:      ce.Pos(),
			End:      ce.End(),
			Category: CategoryNoReuse,
			Message:  fmt.Sprintf("%s is closed without being read before the next request (connection not reused)", subject(ce, path, p)),
			Related:  []analysis.RelatedInformation{{Pos: c.Pos(), Message: "closed unread here"}},
		}
		if failed != nil {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos:     failed.Pos(),
				Message: fmt.Sprintf("returns an error here: %s sends the request again", s.retrierName(fn)),
			})
		}
		if fix, ok := s.drainFix(c); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		s.rep.Report(d, "")
		return true
	}
	return false
}

// checkReuse reports a body that is closed but, on every path, never read
// (or, in strict mode, never read to EOF), and tells whether it did.
func (s *state) checkReuse(call *ssa.Call, p producer, t *tracked) bool {
	var all effect
	var closes []ssa.CallInstruction
	for instr, e := range t.effects {
		all.merge(*e)
		if c, ok := instr.(ssa.CallInstruction); ok && e.close && directClose(c) {
			closes = append(closes, c)
		}
	}
	if all.kept || !all.close || t.upgrade || p.upgrade {
		return false
	}
	if p.unseen {
		// Code the package cannot see (a function value, another
		// package's sender) may have read the body before returning the
		// response for its status and headers: a health check or an
		// SDK's decoder. Closing it unread is no evidence of a loss.
		return false
	}
	var msg string
	switch {
	case !all.read:
		msg = "%s is closed without being read (connection not reused)"
	case s.strict && !all.full:
		msg = "%s is closed after a partial read (connection not reused)"
	default:
		return false
	}
	ce, path := s.rep.Call(call.Pos())
	if ce == nil || report.InTest(s.pass.Fset, call.Pos()) {
		return false // tests often check only a status, on purpose
	}
	d := analysis.Diagnostic{
		Pos:      ce.Pos(),
		End:      ce.End(),
		Category: CategoryNoReuse,
		Message:  fmt.Sprintf(msg, subject(ce, path, p)),
	}
	if len(closes) == 1 {
		if fix, ok := s.drainFix(closes[0]); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	s.rep.Report(d, "")
	return true
}

func (s *state) reportDiscarded(call *ssa.Call) {
	ce, _ := s.rep.Call(call.Pos())
	if ce == nil {
		return
	}
	s.rep.Report(analysis.Diagnostic{
		Pos:      ce.Pos(),
		End:      ce.End(),
		Category: CategoryLeak,
		Message:  fmt.Sprintf("the response of %s is discarded and its body never closed (connection leak)", types.ExprString(ce.Fun)),
	}, "")
}

func (s *state) reportLeak(fn *ssa.Function, call *ssa.Call, p producer, leaks []exit) {
	ce, path := s.rep.Call(call.Pos())
	if ce == nil {
		return
	}
	// Report the most telling exit: the call running again in a loop
	// (the response is lost at once), else the first return in the
	// source, else the end of the function.
	first := leaks[0]
	for _, l := range leaks[1:] {
		if exitOrder(s.exitPos(fn, l)) < exitOrder(s.exitPos(fn, first)) {
			first = l
		}
	}
	subj := subject(ce, path, p)
	d := analysis.Diagnostic{Pos: ce.Pos(), End: ce.End(), Category: CategoryLeak}
	pos := s.exitPos(fn, first)
	switch {
	case first.instr == call:
		d.Message = fmt.Sprintf("%s is not closed before %s runs again in the loop (connection leak)", subj, types.ExprString(ce.Fun))
	case first.failed:
		d.Message = fmt.Sprintf("%s is not closed on a path that returns an error to %s (connection leak)", subj, s.retrierName(fn))
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos.pos, Message: "returns an error here with the body open: the next attempt overwrites the response"})
	case pos.implicit:
		d.Message = fmt.Sprintf("%s is not closed on the path that reaches the end of the function (connection leak)", subj)
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos.pos, Message: "the function ends here with the body open"})
	default:
		d.Message = fmt.Sprintf("%s is not closed on a path that returns (connection leak)", subj)
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos.pos, Message: "returns here with the body open"})
	}
	if first.notClosed != nil {
		if callExpr, _ := s.rep.Call(first.notClosed.Pos()); callExpr != nil {
			d.Related = append(d.Related, analysis.RelatedInformation{
				Pos:     callExpr.Pos(),
				End:     callExpr.End(),
				Message: fmt.Sprintf("passed to %s, which does not close it on every path", types.ExprString(callExpr.Fun)),
			})
		}
	}
	s.rep.Report(d, "")
}

type exitPos struct {
	pos      token.Pos
	implicit bool // the end of the function body
	again    bool // the producing call reached again
}

func exitOrder(e exitPos) int {
	switch {
	case e.again:
		return -1
	case e.implicit:
		return 1 << 61
	}
	return int(e.pos)
}

func (s *state) exitPos(fn *ssa.Function, e exit) exitPos {
	if _, ok := e.instr.(*ssa.Return); !ok {
		return exitPos{pos: e.instr.Pos(), again: true}
	}
	if pos := e.instr.Pos(); pos.IsValid() {
		return exitPos{pos: pos}
	}
	var body *ast.BlockStmt
	switch syn := fn.Syntax().(type) {
	case *ast.FuncDecl:
		body = syn.Body
	case *ast.FuncLit:
		body = syn.Body
	}
	if body == nil {
		return exitPos{pos: fn.Pos(), implicit: true}
	}
	return exitPos{pos: body.Rbrace, implicit: true}
}

// used reports whether any of the values holding a response is used.
func used(vals map[ssa.Value]kind) bool {
	for v := range vals {
		for _, ref := range *v.Referrers() {
			if _, debug := ref.(*ssa.DebugRef); !debug {
				return true
			}
		}
	}
	return false
}

// subject names the body as the code does: "resp.Body" for a response held
// in resp, "body" for a body held in body, or by the call that made it.
func subject(ce *ast.CallExpr, path []ast.Node, p producer) string {
	name := ""
	if len(path) > 0 {
		switch parent := path[0].(type) {
		case *ast.AssignStmt:
			if len(parent.Rhs) == 1 && p.resp < len(parent.Lhs) {
				name = types.ExprString(parent.Lhs[p.resp])
			}
		case *ast.ValueSpec:
			if len(parent.Values) == 1 && p.resp < len(parent.Names) {
				name = parent.Names[p.resp].Name
			}
		}
	}
	if name == "" || name == "_" {
		return "the body of the response from " + types.ExprString(ce.Fun)
	}
	if p.k == bodyKind {
		return name
	}
	return name + ".Body"
}

// directClose reports whether call is body.Close() itself (not a helper
// that closes it).
func directClose(call ssa.CallInstruction) bool {
	common := call.Common()
	return common.IsInvoke() && httpapi.CloserClose.Matches(common.Method)
}

// forwardedGuard returns the decision that fn's paths from the producing
// call start with when the wrapper's guard comes from fn's own parameter
// (or a field of it), untested in fn: the response is open only where the
// caller of fn gives the guard's open value (getURI(v, uri) passing v on
// to Do), so fn hands it back under the same guard, on that parameter.
func forwardedGuard(fn *ssa.Function, p producer) []decision {
	if p.guard == nil {
		return nil
	}
	param, field, ok := ssaflow.ParamField(p.guard)
	if !ok || param.Parent() != fn {
		return nil
	}
	g := guard{slices.Index(fn.Params, param), field, p.guardOf.assert}
	return []decision{{g, p.guardOpen}}
}

// guarded settles, for each If on guard (the argument that makes the
// package's wrapper hand back no open response unless it is open), the
// successor where it is not open: there the response is nil or closed.
func guarded(t *tracked, guard ssa.Value, open bool) {
	if guard == nil || guard.Referrers() == nil {
		return
	}
	closed := 0 // the true successor
	if open {
		closed = 1
	}
	for _, ref := range *guard.Referrers() {
		if ifi, ok := ref.(*ssa.If); ok && ifi.Cond == guard && ifi.Parent() == t.fn {
			t.settled[ifi] = closed
		}
	}
}
