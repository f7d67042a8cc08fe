package transportreuse

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// outliving returns the store that a hand-off is, when it puts the traced
// value in memory that outlives the call ([ssaflow.Outlives]: a field of
// a receiver's or parameter's struct, a package variable), or nil.
func outliving(h ssaflow.HandOff) *ssa.Store {
	st, ok := h.Instr.(*ssa.Store)
	if !ok || st.Val != h.Value || !ssaflow.Outlives(st.Addr) {
		return nil
	}
	return st
}

// judgeStored reports a root stored in memory that outlives the call of
// the function making it, when that function runs per request (a
// handler, a function that builds or sends a request or is called by
// one, a loop body) and stores it on every run that does not fail: each
// store replaces the transport the last one left, and its pool with it
// (apache/openwhisk-client-go#112). A store guarded by a nil test of the
// same memory (lazy initialisation), in a closure or in a function used
// as a value (sync.Once.Do(c.init)) writes once; one that a successful
// run may skip (a refresh when a file changed) writes now and then.
func (s *state) judgeStored(r root, u *use) {
	fn := r.instr.Parent()
	if u.kept || len(u.returns) > 0 || u.disabled || r.disabled && !u.enabled || fn.Parent() != nil {
		return
	}
	if slices.ContainsFunc(u.stored, func(st *ssa.Store) bool { return st.Parent() != fn || ssaflow.NilGuarded(st) }) {
		return
	}
	if a, ok := r.instr.(*ssa.Alloc); ok && httpflow.InMemoryTransport(a) {
		return
	}
	if !s.opts.Tests && report.TestCode(s.Fset, fn, r.instr.Pos()) {
		return
	}
	stores := make([]ssa.Instruction, len(u.stored))
	for i, st := range u.stored {
		stores[i] = st
	}
	everyRun := ssaflow.RunsUnlessFailing(stores...)
	var where string
	switch {
	case everyRun && httpflow.Handler(fn) != nil:
		where = "on every request handled by " + report.FuncName(fn)
	case s.loops.InLoop(r.instr) && slices.ContainsFunc(u.stored, func(st *ssa.Store) bool { return s.loops.SameLoop(st, r.instr) }):
		where = "on every iteration of a loop in " + report.FuncName(fn)
	case everyRun && !s.runsOnce(fn) && !s.x.UsedAsValue(fn) && s.perRequest(fn):
		where = "on every call to " + report.FuncName(fn)
	default:
		return
	}
	s.report(r, u, where+", replacing the previous one")
}

// perRequest reports whether fn runs for each request: it builds a
// request (http.NewRequest[WithContext]) or sends one, or a function of
// the package that does calls it (outside test code, unless judged, and
// outside functions that run once).
func (s *state) perRequest(fn *ssa.Function) bool {
	if per, ok := s.perReq[fn]; ok {
		return per
	}
	s.perReq[fn] = false // recursion adds nothing
	per := httpflow.Handler(fn) != nil || sendsOrBuilds(fn)
	for _, c := range s.x.Callers(fn) {
		if per {
			break
		}
		caller := c.Parent()
		per = !s.runsOnce(caller) && (s.opts.Tests || !report.TestCode(s.Fset, caller, c.Pos())) && s.perRequest(caller)
	}
	s.perReq[fn] = per
	return per
}

// sendsOrBuilds reports whether fn calls http.NewRequest[WithContext] or
// sends a request through a client or transport.
func sendsOrBuilds(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			f := callee.Func(call.Common())
			if httpapi.NewRequests.Matches(f) || httpapi.ProducerMethods.Matches(f) || httpapi.IsRoundTrip(f) {
				return true
			}
		}
	}
	return false
}
