package postretry

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// resent returns a request sent at call with a consumed body and where it
// is sent again; nil when there is none. req is the request as the send sees it; when its
// body may not be consumed as far as that shows (it comes from a
// parameter, or passes through a field), the package's own calls that
// lead to the send are judged one by one ([httpflow.Sites] over all of
// them, the exported ones' included), with the request followed through
// the fields only the package can name: an exported Do(req) that retries
// in a loop re-sends the body of the POST that the package's Post gives
// it, whatever other callers pass.
func (s *state) resent(call ssa.CallInstruction, req *request, reqArg ssa.Value) (*request, reuse) {
	resent := req
	if w := s.wrapperRequest(reqArg); req.opaque && w != nil {
		resent = w
	}
	for _, r := range s.candidates(call, resent, reqArg) {
		whole := consumable(call, r, false)
		if !whole && !consumable(call, r, true) {
			continue
		}
		if again := s.reusedBody(call, r, reqArg, whole); again.attempt != nil {
			return r, again
		}
		if a := s.firstAttempt(call, r, reqArg); whole && a != nil {
			return r, reuse{attempt: a, first: true}
		}
	}
	return nil, reuse{}
}

// candidates returns the requests whose body may be consumed that v, a
// request sent at call and resolved as req, may be: req itself when its
// body may be consumed as far as it shows, else the requests of the
// package's calls that lead to it ([httpflow.Sites]; see
// [state.resent]).
func (s *state) candidates(call ssa.CallInstruction, req *request, v ssa.Value) []*request {
	if consumable(call, req, false) {
		return []*request{req}
	}
	var out []*request
	if consumable(call, req, true) {
		out = append(out, req)
	}
	for _, site := range httpflow.Sites(s.every, s.kept, v) {
		out = append(out, s.fromWalk(site.Request))
	}
	return out
}

// A reuse is where a consumed body is sent again: attempt is the call that
// runs again, or the first attempt when first is set; made is the
// http.NewRequest call that each attempt makes anew around the same body
// reader, nil when the request itself is sent again; replay is the
// buffer that an io.TeeReader fills for the later attempts (see
// [state.replay]).
type reuse struct {
	attempt ssa.Instruction
	first   bool
	made    *ssa.Call
	replay  *ssa.Alloc
}

// consumable reports whether the body of a request sent at call cannot be
// sent again: it has one of a known type, and no code the package cannot
// see may reset it. kept allows the request to be kept where other code
// can read it (an exported field, a result): that says nothing of the
// reader its body is made of when each attempt builds its own request
// (see [state.sameBody]), as long as no such code is called with it.
func consumable(call ssa.CallInstruction, req *request, kept bool) bool {
	if req.opaque || !req.body || req.flow == nil {
		return false
	}
	for _, h := range req.flow.HandOffs {
		if kept && h.Kind != ssaflow.Call {
			continue
		}
		if h.Kind != ssaflow.Call || h.Instr != call && !fromNetHTTP(h.Instr) && !isPredicate(h.Instr) {
			return false // code the package cannot see may reset the body
		}
	}
	return true
}

// isPredicate reports whether instr is a call whose results are a bool, or
// a bool and an error: a question about the request (should it be
// retried?), not a change to its body.
func isPredicate(instr ssa.Instruction) bool {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		return false
	}
	res := call.Common().Signature().Results()
	isBool := func(i int) bool { return types.Identical(res.At(i).Type(), types.Typ[types.Bool]) }
	switch res.Len() {
	case 1:
		return isBool(0)
	case 2:
		return isBool(0) && ssaflow.IsError(res.At(1).Type())
	}
	return false
}

// reusedBody returns where a send that re-sends a request with a consumed
// body runs again (the send itself, or a call that leads to it in a loop or
// a recursion), with the http.NewRequest call when what is re-sent is not
// the request but the reader its body is made of (see [state.sameBody] and
// [state.replay]); the zero reuse when there is none. whole says whether
// the request itself may be the one re-sent. A loop that sends again on a status, or whatever a predicate
// says, consumes the body as one that retries on an error.
func (s *state) reusedBody(call ssa.CallInstruction, req *request, reqArg ssa.Value, whole bool) reuse {
	for _, at := range s.retryAttempts(call) {
		if s.reset(at, req) {
			continue
		}
		if whole && s.invariant(at, reqArg, newSameWalk()) {
			return reuse{attempt: at.call}
		}
		if made := s.sameBody(at, req); made != nil {
			return reuse{attempt: at.call, made: made}
		}
		if made, buf := s.replay(at, req); made != nil {
			return reuse{attempt: at.call, made: made, replay: buf}
		}
	}
	return reuse{}
}

// retryAttempts returns the attempts that run the send at call again (see
// [state.attempts]) and the calls of a retry helper given a closure that
// makes it (backoff.RetryNotify(op, b, n)), directly or through the
// package's function that returns it: the helper calls the closure again
// after each failure, and what it captures is the same in every attempt.
func (s *state) retryAttempts(call ssa.CallInstruction) []*attempt {
	attempts := s.attempts(call)
	send := call.Parent()
	for _, a := range s.index.ClosureCalls(send) {
		if httpapi.IsRetrier(callee.Func(a.Common())) {
			attempts = append(attempts, s.newAttempt(a, false, []*ssa.Function{send}, []ssa.CallInstruction{nil}))
		}
	}
	return attempts
}

// postedBody returns where a send that builds its own request around the
// reader body (http.Post, Client.Post) runs again with the same reader:
// each attempt's request is new, its body is what the first attempt's
// transport read to its end (segmentio/objects-go#6: one bytes.Reader
// posted by a closure given to backoff.Retry). The reader counts as in
// [state.sameBody].
func (s *state) postedBody(call *ssa.Call, body ssa.Value) reuse {
	for _, at := range s.retryAttempts(call) {
		w := newSameWalk()
		if s.invariant(at, body, w) && s.consumedReader(at, w.ends, call) {
			return reuse{attempt: at.call, made: call}
		}
	}
	return reuse{}
}

// calls returns the calls of fn that the package shows: its static calls,
// and the calls of closures made of it.
func (s *state) calls(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	if fn.Parent() == nil {
		out = append(out, s.index.Callers(fn)...)
	}
	for _, use := range s.valueUses()[fn] {
		if use.value.Referrers() == nil {
			continue
		}
		for _, v := range s.local().Trace(use.value).Values {
			for _, ref := range s.index.Referrers(v) {
				if call, ok := ref.(ssa.CallInstruction); ok && !call.Common().IsInvoke() && call.Common().Value == v {
					out = append(out, call)
				}
			}
		}
	}
	return out
}

// reset reports whether the request's body may be replaced in each attempt:
// a store to its Body field inside the attempt, or in a function other than
// the ones that build it, unless that function is a helper whose every
// call the package shows is in one of those and outside the attempt
// (cloudevents' setBody, called once where the request is built).
func (s *state) reset(at *attempt, req *request) bool {
	built := func(fn *ssa.Function) bool {
		return slices.ContainsFunc(req.origins, func(o ssa.Value) bool { return o.(ssa.Instruction).Parent() == fn })
	}
	for _, st := range req.bodyStores {
		if at.inside(st) || !built(st.Parent()) && !s.setOnceWhereBuilt(at, st.Parent(), req, built) {
			return true
		}
	}
	return false
}

// setOnceWhereBuilt reports whether fn, a function that stores a body, is
// given this request only where it is built (built holds for the
// caller) and outside the attempt, by calls the package shows all of:
// calls of fn with other requests do not touch this one.
func (s *state) setOnceWhereBuilt(at *attempt, fn *ssa.Function, req *request, built func(*ssa.Function) bool) bool {
	if s.index.MayHaveUnseenCallers(fn) {
		return false
	}
	passes := func(c ssa.CallInstruction) bool {
		return slices.ContainsFunc(c.Common().Args, func(a ssa.Value) bool { return slices.Contains(req.flow.Values, a) })
	}
	given := 0
	for _, c := range s.index.Callers(fn) {
		if !passes(c) {
			continue
		}
		if given++; !built(c.Parent()) || at.inside(c) {
			return false
		}
	}
	return given > 0
}

// sameRequest reports whether two sent values, a before b, are the same
// request: the same value (through conversions, WithContext and Clone), or
// loads of one variable that nothing stores into between them.
func (s *state) sameRequest(first *ssa.Call, a, b ssa.Value) bool {
	a, b = baseRequest(a), baseRequest(b)
	if a == b {
		return true
	}
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if !ok1 || !ok2 || la.Op != token.MUL || lb.Op != token.MUL || la.X != lb.X || !isVar(la.X) {
		return false
	}
	stores, ok := s.storesTo(la.X)
	return ok && !slices.ContainsFunc(stores, func(st *ssa.Store) bool {
		return st.Parent() != first.Parent() || ssaflow.Reaches(first, st)
	})
}

// baseRequest strips conversions and derived requests from a sent value.
func baseRequest(v ssa.Value) ssa.Value {
	for {
		v = ssaflow.Unconverted(v)
		d := httpflow.Derived(v)
		if d == nil {
			return v
		}
		v = d[0]
	}
}
