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

// resent returns a request sent at call with a consumed body, where it is
// sent again and whether that is a second attempt without a loop; nil
// when there is none. req is the request as the send sees it; when its
// body may not be consumed as far as that shows (it comes from a
// parameter, or passes through a field), the package's own calls that
// lead to the send are judged one by one ([httpflow.Sites] over all of
// them, the exported ones' included), with the request followed through
// the fields only the package can name: an exported Do(req) that retries
// in a loop re-sends the body of the POST that the package's Post gives
// it, whatever other callers pass.
func (s *state) resent(call ssa.CallInstruction, req *request, reqArg ssa.Value) (*request, ssa.Instruction, bool) {
	resent := req
	if w := s.wrapperRequest(reqArg); req.opaque && w != nil {
		resent = w
	}
	candidates := []*request{resent}
	if !consumable(call, resent) {
		candidates = candidates[:0]
		for _, site := range httpflow.Sites(s.every, s.kept, reqArg) {
			candidates = append(candidates, s.fromWalk(site.Request))
		}
	}
	for _, r := range candidates {
		if !consumable(call, r) {
			continue
		}
		if a := s.reusedBody(call, r, reqArg); a != nil {
			return r, a, false
		}
		if a := s.firstAttempt(call, r, reqArg); a != nil {
			return r, a, true
		}
	}
	return nil, nil, false
}

// consumable reports whether the body of a request sent at call cannot be
// sent again: it has one of a known type, and no code the package cannot
// see may reset it.
func consumable(call ssa.CallInstruction, req *request) bool {
	if req.opaque || !req.body || req.flow == nil {
		return false
	}
	for _, h := range req.flow.HandOffs {
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
// body runs again (the send itself, or the call of its function in a
// loop), or nil. A loop that sends again on a status, or whatever a
// predicate says, consumes the body as one that retries on an error.
func (s *state) reusedBody(call ssa.CallInstruction, req *request, reqArg ssa.Value) ssa.Instruction {
	send := call.Parent()
	var attempts []ssa.CallInstruction
	if ssaflow.RunsAgain(call.Block(), noReturn) {
		attempts = append(attempts, call)
	} else {
		attempts = s.calls(send)
	}
	for _, a := range attempts {
		if a != call && s.ignored(a) || !ssaflow.RunsAgain(a.Block(), noReturn) {
			continue
		}
		at := attempt{send: send, call: a, fn: a.Parent(), loops: &s.loops}
		if s.invariant(at, reqArg, make(map[ssa.Value]bool)) && !s.reset(at, req) {
			return a
		}
	}
	// A closure given to a retry helper (backoff.RetryNotify(op, b, n)),
	// directly or through the package's function that returns it, is
	// called again after each failure; what it captures is the same in
	// every attempt.
	for _, a := range s.index.ClosureCalls(send) {
		if !httpapi.IsRetrier(callee.Func(a.Common())) {
			continue
		}
		at := attempt{send: send, call: a, fn: a.Parent(), loops: &s.loops}
		if s.invariant(at, reqArg, make(map[ssa.Value]bool)) && !s.reset(at, req) {
			return a
		}
	}
	return nil
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

// An attempt is a call repeated by a loop: the send itself, or a call of
// the function that contains it.
type attempt struct {
	send  *ssa.Function // the function containing the send
	call  ssa.CallInstruction
	fn    *ssa.Function // the function containing the loop
	loops *ssaflow.Loops
}

// inside reports whether an instruction runs in each attempt: in the loop,
// or in the function the loop calls.
func (at attempt) inside(instr ssa.Instruction) bool {
	return instr.Parent() == at.fn && at.loops.SameLoop(at.call, instr) || instr.Parent() == at.send && at.send != at.fn
}

// invariant reports whether v, at the send, is the same request in every
// attempt: it is not built, derived from a fresh request or reloaded from a
// variable assigned inside the attempt.
func (s *state) invariant(at attempt, v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Parameter:
		if v.Parent() != at.send || at.send == at.fn {
			return true
		}
		// A parameter of the called function: the argument of the attempt.
		i := slices.Index(at.send.Params, v)
		args := at.call.Common().Args
		if at.call.Common().Value == ssa.Value(at.send) && i < len(args) {
			return s.invariant(at, args[i], seen)
		}
		return false
	case *ssa.FreeVar:
		for _, b := range s.index.Bindings(v) {
			if !s.invariant(at, b, seen) {
				return false
			}
		}
		return true
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !s.invariant(at, e, seen) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		if v.Op != token.MUL || !at.inside(v) && !isVar(v.X) {
			return !at.inside(v)
		}
		stores, ok := s.storesTo(v.X)
		if !ok {
			return false
		}
		for _, st := range stores {
			if at.inside(st) || !s.invariant(at, st.Val, seen) {
				return false
			}
		}
		return true
	case ssa.Instruction:
		if !at.inside(v) {
			return true
		}
		switch v := v.(type) {
		case *ssa.ChangeType:
			return s.invariant(at, v.X, seen)
		case *ssa.MakeInterface:
			return s.invariant(at, v.X, seen)
		case *ssa.ChangeInterface:
			return s.invariant(at, v.X, seen)
		case *ssa.TypeAssert:
			return s.invariant(at, v.X, seen)
		case *ssa.Field:
			return s.invariant(at, v.X, seen) // a field of the same struct value
		case *ssa.Call:
			// WithContext and Clone share the body of the request.
			fn := callee.Func(&v.Call)
			if httpapi.RequestWithContext.Matches(fn) || httpapi.RequestClone.Matches(fn) {
				return s.invariant(at, v.Call.Args[0], seen)
			}
		}
		return false
	}
	return true
}

func isVar(addr ssa.Value) bool {
	switch addr.(type) {
	case *ssa.Alloc, *ssa.FreeVar:
		return true
	}
	return false
}

// storesTo returns the stores to a local or captured variable, or else to
// the address itself (a field, a package variable); ok is false if the
// address escapes.
func (s *state) storesTo(addr ssa.Value) (stores []*ssa.Store, ok bool) {
	if isVar(addr) {
		_, stores, ok = s.index.Variable(addr)
		return stores, ok
	}
	for _, instr := range s.index.Referrers(addr) {
		switch instr := instr.(type) {
		case *ssa.Store:
			if instr.Addr != addr {
				return nil, false
			}
			stores = append(stores, instr)
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			return nil, false
		}
	}
	return stores, true
}

// reset reports whether the request's body may be replaced in each attempt:
// a store to its Body field inside the attempt, or in a function other than
// the ones that build it.
func (s *state) reset(at attempt, req *request) bool {
	for _, st := range req.bodyStores {
		if at.inside(st) || !slices.ContainsFunc(req.origins, func(o ssa.Value) bool {
			return o.(ssa.Instruction).Parent() == st.Parent()
		}) {
			return true
		}
	}
	return false
}

// firstAttempt returns an earlier send, in the same function, of the same
// request whose failure branch leads to call without a loop (a second
// attempt after a failed first one), when no Body store may run between
// them; nil otherwise.
func (s *state) firstAttempt(call ssa.CallInstruction, req *request, reqArg ssa.Value) ssa.Instruction {
	c, ok := call.(*ssa.Call)
	if !ok {
		return nil
	}
	for _, b := range c.Parent().Blocks {
		for _, instr := range b.Instrs {
			first, ok := instr.(*ssa.Call)
			if !ok || first == c || ssaflow.Reaches(c, first) {
				continue // the same send, or one that may come after it (a loop)
			}
			snd, ok := sendOf(callee.Func(&first.Call))
			if !ok {
				continue
			}
			_, arg, ok := snd.operands(first.Common())
			if !ok || arg == nil || !s.sameRequest(first, arg, reqArg) ||
				!ssaflow.ReachesBlock(ssaflow.FailureBranches(first), func(b *ssa.BasicBlock) bool { return b == c.Block() }, noReturn) {
				continue
			}
			if !slices.ContainsFunc(req.bodyStores, func(st *ssa.Store) bool {
				return st.Parent() != c.Parent() || ssaflow.Reaches(first, st)
			}) {
				return first
			}
		}
	}
	return nil
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
