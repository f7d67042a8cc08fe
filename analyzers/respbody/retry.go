package respbody

import (
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A retried closure is an operation passed to a retry helper
// (backoff.Retry(func() error { resp, err = client.Do(req); ... })) that
// keeps its response in a variable of the enclosing function. Storing it
// there hands it to the enclosing function only when the attempt succeeds:
// when the closure returns an error the helper calls it again, the next
// response overwrites the variable, and the enclosing function sees (and
// closes) only the last one. So in such a closure the store is no
// hand-off: a path that returns a non-nil error with the body open leaks
// (see [state.walkBlock]), a path that returns anything else hands the
// response on.

// retrier returns (memoised) the call that retries fn, an anonymous
// function, or nil: a call of a retry helper ([httpapi.IsRetrier]) that
// fn is passed to, or fn's own call in a loop of the enclosing function
// that goes round only when it fails ([ssaflow.AgainOnlyAfterFailure]).
func (s *state) retrier(fn *ssa.Function) ssa.CallInstruction {
	if call, ok := s.retriers[fn]; ok {
		return call
	}
	var found ssa.CallInstruction
	for _, call := range s.index.ClosureCalls(fn) {
		common := call.Common()
		if mc, ok := common.Value.(*ssa.MakeClosure); ok && mc.Fn == fn {
			if c, ok := call.(*ssa.Call); ok && ssaflow.AgainOnlyAfterFailure(c) {
				found = call
				break
			}
		} else if httpapi.IsRetrier(callee.Func(common)) {
			found = call
			break
		}
	}
	s.retriers[fn] = found
	return found
}

// attemptVar reports whether fv, a free variable of the function t
// follows, is the variable an attempt of a retried closure leaves its
// response in: t.fn is retried ([state.retrier]), and fv is bound to a
// local variable of the enclosing function that no other closure captures
// (one that could close what the variable holds between attempts: a
// notify function, say), nor, when the enclosing function's loop retries
// t.fn, reads on that loop.
func (t *tracked) attemptVar(fv *ssa.FreeVar) bool {
	if fv.Parent() != t.fn {
		return false
	}
	retry := t.s.retrier(t.fn)
	if retry == nil {
		return false
	}
	bs := t.s.index.Bindings(fv)
	if len(bs) != 1 {
		return false
	}
	alloc, ok := bs[0].(*ssa.Alloc)
	if !ok {
		return false
	}
	closures := 0
	for _, ref := range *alloc.Referrers() {
		switch ref := ref.(type) {
		case *ssa.MakeClosure:
			closures++
		case *ssa.UnOp:
			if t.s.loops.SameLoop(ref, retry) {
				return false
			}
		}
	}
	return closures == 1
}

// failing reports whether ret returns a non-nil error as its function's
// last result ([state.freshError]).
func (s *state) failing(ret *ssa.Return, errs []ssa.Value) bool {
	n := len(ret.Results)
	return n > 0 && s.freshError(ret.Results[n-1], errs)
}

// freshError reports whether v, an error, is not nil: every value it may
// be is a fresh error ([httpapi.NewErrors], directly or through the
// package's variables) or the address of a new value. The producing
// call's own error (errs) is nil where the response is not.
func (s *state) freshError(v ssa.Value, errs []ssa.Value) bool {
	if !ssaflow.IsError(v.Type()) || contains(errs, v) {
		return false
	}
	o := s.errs.Sources(v)
	if len(o.Sources) == 0 {
		return false
	}
	for _, src := range o.Sources {
		switch v := src.Value.(type) {
		case *ssa.Call:
			if fn := callee.Func(v.Common()); fn == nil || !httpapi.NewErrors.Matches(fn) {
				return false
			}
		case *ssa.Alloc:
		default:
			return false
		}
	}
	return true
}

// failsAfter returns a return of fn that a path from instr reaches with
// a fresh error as fn's last result ([state.freshError]) when fn is a
// retried closure ([state.retrier]), else nil. There the retry helper
// calls fn again, and fn sends its request again: a body closed unread at
// instr gave up the connection that request could have reused. In a
// function with defers the results pass through a local variable, stored
// on each path before its return: the stores a path from instr makes
// decide. errs are the producing call's error.
func (s *state) failsAfter(fn *ssa.Function, instr ssa.Instruction, errs []ssa.Value) *ssa.Return {
	if s.retrier(fn) == nil {
		return nil
	}
	for _, ret := range ssaflow.Returns(fn) {
		if ssaflow.Reaches(instr, ret) && slices.ContainsFunc(ssaflow.LastResultAfter(instr, ret), func(v ssa.Value) bool { return s.freshError(v, errs) }) {
			return ret
		}
	}
	return nil
}

// releasedBefore reports whether the closure t follows closes (or hands
// off) the response somewhere the producing call does not reach: before
// the call, where an attempt closes what the previous one left in the
// variable (if resp != nil { resp.Body.Close() }).
func releasedBefore(t *tracked, call ssa.Instruction) bool {
	for instr, e := range t.effects {
		if e.ends && !ssaflow.Reaches(call, instr) {
			return true
		}
	}
	return false
}

// retrierName names the retry helper that fn is passed to as the code
// does (backoff.Retry).
func (s *state) retrierName(fn *ssa.Function) string {
	call := s.retrier(fn)
	if mc, ok := call.Common().Value.(*ssa.MakeClosure); ok && mc.Fn == fn {
		return "the loop that retries it"
	}
	if ce, _ := s.rep.Call(call.Pos()); ce != nil {
		return types.ExprString(ce.Fun)
	}
	return "a retry helper"
}
