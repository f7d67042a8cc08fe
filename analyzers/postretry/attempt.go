package postretry

import (
	"go/token"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// An attempt is a call that runs again and leads to a send: the send
// itself, or a call of a function that reaches it. It runs again in a
// loop, or by a recursion: its function calls itself after it (a retry
// helper's return try(n-1, body)).
type attempt struct {
	call ssa.CallInstruction
	fn   *ssa.Function // the function containing call
	// recursive: call runs again because fn calls itself after it, so all
	// of fn runs in each attempt.
	recursive bool
	// chain are the functions that each attempt runs on its way down to
	// the send, the send's last, and path the call of each (nil for a
	// closure that code the package cannot see calls).
	chain []*ssa.Function
	path  []ssa.CallInstruction
	index *ssaflow.Index
	loops *ssaflow.Loops
	// runsIn memoises [attempt.runs] for the package's other functions.
	runsIn map[*ssa.Function]bool
}

// maxAttemptDepth bounds how many calls up from the send an attempt is
// looked for: a send in execute, called by a closure that a retry helper
// calls in its loop, is two.
const maxAttemptDepth = 3

func (s *state) newAttempt(call ssa.CallInstruction, recursive bool, chain []*ssa.Function, path []ssa.CallInstruction) *attempt {
	return &attempt{call: call, fn: call.Parent(), recursive: recursive, chain: chain, path: path,
		index: s.index, loops: &s.loops, runsIn: make(map[*ssa.Function]bool)}
}

// attempts returns the attempts that run the send at call again: the send
// itself when it runs again, else the calls that lead to it from a loop or
// a recursion, up to maxAttemptDepth calls up.
func (s *state) attempts(call ssa.CallInstruction) []*attempt {
	if at := s.repeated(call, nil, nil); at != nil {
		return []*attempt{at}
	}
	type level struct {
		fn    *ssa.Function
		chain []*ssa.Function
		path  []ssa.CallInstruction
	}
	var out []*attempt
	work := []level{{fn: call.Parent()}}
	seen := make(map[*ssa.Function]bool)
	for depth := 0; depth < maxAttemptDepth && len(work) > 0; depth++ {
		var next []level
		for _, l := range work {
			if seen[l.fn] {
				continue
			}
			seen[l.fn] = true
			for _, c := range s.calls(l.fn) {
				if s.ignored(c, l.fn) {
					continue
				}
				chain := append([]*ssa.Function{l.fn}, l.chain...)
				path := append([]ssa.CallInstruction{c}, l.path...)
				if at := s.repeated(c, chain, path); at != nil {
					out = append(out, at)
				} else {
					next = append(next, level{c.Parent(), chain, path})
				}
			}
		}
		work = next
	}
	return out
}

// repeated returns the attempt of call when it runs again, or nil.
func (s *state) repeated(call ssa.CallInstruction, chain []*ssa.Function, path []ssa.CallInstruction) *attempt {
	switch {
	case ssaflow.RunsAgain(call.Block(), noReturn):
		return s.newAttempt(call, false, chain, path)
	case slices.ContainsFunc(s.recursions(call.Parent()), func(c ssa.CallInstruction) bool { return ssaflow.Reaches(call, c) }):
		return s.newAttempt(call, true, chain, path)
	}
	return nil
}

// recursions returns the calls that fn makes of itself.
func (s *state) recursions(fn *ssa.Function) []ssa.CallInstruction {
	return slices.DeleteFunc(slices.Clone(s.index.Callers(fn)), func(c ssa.CallInstruction) bool { return c.Parent() != fn })
}

// inside reports whether an instruction runs in each attempt: in the loop,
// anywhere in a recursive function, or in a function that the attempt
// runs.
func (at *attempt) inside(instr ssa.Instruction) bool {
	if fn := instr.Parent(); fn != at.fn {
		return at.runs(fn)
	}
	return at.recursive || at.loops.SameLoop(at.call, instr)
}

// runs reports whether fn runs in each attempt: it is on the way down to
// the send, or every call of it (at least one) is inside the attempt (a
// helper that builds the request).
func (at *attempt) runs(fn *ssa.Function) bool {
	if slices.Contains(at.chain, fn) {
		return true
	}
	if fn == at.fn || fn.Parent() != nil {
		return false
	}
	if ok, seen := at.runsIn[fn]; seen {
		return ok
	}
	at.runsIn[fn] = false // recursion: not on this path
	calls := at.index.Callers(fn)
	ok := len(calls) > 0 && !slices.ContainsFunc(calls, func(c ssa.CallInstruction) bool { return !at.inside(c) })
	at.runsIn[fn] = ok
	return ok
}

// argsOf returns the values that a parameter of a function that each
// attempt runs is bound to in the attempt, and false when the attempt
// binds it to values it does not show (the function is a closure that
// other code calls).
func (s *state) argsOf(at *attempt, p *ssa.Parameter) ([]ssa.Value, bool) {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	var calls []ssa.CallInstruction
	switch k := slices.Index(at.chain, fn); {
	case fn == at.fn:
		calls = s.recursions(fn)
	case k >= 0:
		calls = at.path[k : k+1]
	default:
		calls = at.index.Callers(fn)
	}
	var args []ssa.Value
	for _, c := range calls {
		if c == nil || c.Common().IsInvoke() || len(c.Common().Args) != len(fn.Params) {
			return nil, false
		}
		args = append(args, c.Common().Args[i])
	}
	return args, len(args) > 0
}

// A sameWalk is one question to [state.invariant]: the values met, and
// the values the walk ends at (made before the attempts, or kept from the
// first one: what the value is in each of them), when record is set.
type sameWalk struct {
	seen   map[ssa.Value]bool
	ends   []ssa.Value
	record bool
}

func newSameWalk() *sameWalk { return &sameWalk{seen: make(map[ssa.Value]bool), record: true} }

// end records v as an end of the walk.
func (w *sameWalk) end(v ssa.Value) bool {
	if w.record {
		w.ends = append(w.ends, v)
	}
	return true
}

// invariant reports whether v, in an attempt, is the same value in every
// attempt: it is not built, derived from a fresh request or reloaded from a
// variable assigned inside the attempt.
func (s *state) invariant(at *attempt, v ssa.Value, w *sameWalk) bool {
	if w.seen[v] {
		return true
	}
	w.seen[v] = true
	switch v := v.(type) {
	case *ssa.Parameter:
		if v.Parent() == at.fn && !at.recursive || !at.runs(v.Parent()) && v.Parent() != at.fn {
			return w.end(v) // bound once, outside the attempts
		}
		if v.Parent() == at.fn {
			w.end(v) // what the first call of a recursive retry is given
		}
		args, ok := s.argsOf(at, v)
		if !ok {
			return false
		}
		for _, a := range args {
			if !s.invariant(at, a, w) {
				return false
			}
		}
		return true
	case *ssa.FreeVar:
		for _, b := range s.index.Bindings(v) {
			if !s.invariant(at, b, w) {
				return false
			}
		}
		return true
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !s.invariant(at, e, w) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		if v.Op != token.MUL || !at.inside(v) && !isVar(v.X) {
			return !at.inside(v) && w.end(v)
		}
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			return s.sameStruct(at, fa.X, w) && s.fieldKept(at, fa, w)
		}
		stores, ok := s.storesTo(v.X)
		if !ok {
			return false
		}
		for _, st := range stores {
			if at.inside(st) || !s.invariant(at, st.Val, w) {
				return false
			}
		}
		return true
	case ssa.Instruction:
		if !at.inside(v) {
			return w.end(v.(ssa.Value))
		}
		switch v := v.(type) {
		case *ssa.ChangeType:
			return s.invariant(at, v.X, w)
		case *ssa.MakeInterface:
			return s.invariant(at, v.X, w)
		case *ssa.ChangeInterface:
			return s.invariant(at, v.X, w)
		case *ssa.TypeAssert:
			return s.invariant(at, v.X, w)
		case *ssa.Field:
			return s.invariant(at, v.X, w) // a field of the same struct value
		case *ssa.Call:
			// WithContext and Clone share the body of the request.
			fn := callee.Func(&v.Call)
			if httpapi.RequestWithContext.Matches(fn) || httpapi.RequestClone.Matches(fn) {
				return s.invariant(at, v.Call.Args[0], w)
			}
		}
		return false
	}
	return w.end(v) // a constant, a global, a function
}

// sameStruct reports whether x, the address of a struct whose field an
// attempt loads, is the same struct in every attempt. A variable of the
// function that loops is one variable for all of them (the loop may move
// on to the next item of a batch in it: see the known limits), what its
// field holds is judged by the field's stores; one of a function that each
// attempt runs (a parameter copied to the stack) is made anew each time.
func (s *state) sameStruct(at *attempt, x ssa.Value, w *sameWalk) bool {
	if a, ok := x.(*ssa.Alloc); ok && a.Parent() == at.fn && !at.recursive {
		return true
	}
	record := w.record
	w.record = false // the struct is not what the value is
	same := s.invariant(at, x, w)
	w.record = record
	return same
}

// fieldKept reports whether a field of a struct that is the same in every
// attempt, loaded inside the attempt, holds the same value in every
// attempt: no store to it runs in the attempt and those outside store
// invariant values, or the attempt stores it only while it is nil (if
// r.buf == nil { r.buf = bytes.NewBuffer(b) }) in one function that can
// run through without any store to it, keeping what an earlier attempt
// stored. A field that other packages can name may be stored by them.
func (s *state) fieldKept(at *attempt, fa *ssa.FieldAddr, w *sameWalk) bool {
	f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
	if f == nil || !ssaflow.HiddenField(fa.X.Type(), f) {
		return false
	}
	var inside []*ssa.Store
	for _, st := range s.index.FieldStores(f) {
		switch {
		case at.inside(st):
			inside = append(inside, st)
		case !s.invariant(at, st.Val, w):
			return false
		}
	}
	if len(inside) == 0 {
		return true
	}
	h := inside[0].Parent()
	if slices.ContainsFunc(inside, func(st *ssa.Store) bool { return st.Parent() != h }) {
		return false
	}
	storesF := func(instr ssa.Instruction) bool {
		return slices.ContainsFunc(inside, func(st *ssa.Store) bool { return ssa.Instruction(st) == instr })
	}
	for _, st := range inside {
		guard, kept := ssaflow.NilGuard(st)
		if guard != nil && ssaflow.ReachesAvoiding(nil, guard, storesF) && returnsAvoiding(kept, storesF) {
			return w.end(st.Val) // what the first attempt stored
		}
	}
	return false
}

// returnsAvoiding reports whether a run from the start of b can return
// without running an instruction for which avoid holds.
func returnsAvoiding(b *ssa.BasicBlock, avoid func(ssa.Instruction) bool) bool {
	first := b.Instrs[0]
	if _, ok := first.(*ssa.Return); ok {
		return true
	}
	if avoid(first) {
		return false
	}
	for _, blk := range b.Parent().Blocks {
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok && ssaflow.ReachesAvoiding(first, ret, avoid) {
			return true
		}
	}
	return false
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
