package respbody

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// This file reads a function's returns for the walk: which succeed, what
// their result variables hold on a path, which parameter keeps a
// wrapper from handing back a response, and which deferred closures read
// the results.

// succeeds reports whether ret returns a nil error: the path a caller
// takes when the request did what it asked. In a function with defers the
// results pass through a local variable, stored before the deferred
// calls run and loaded for the return.
func succeeds(ret *ssa.Return) bool {
	n := len(ret.Results)
	if n == 0 || !ssaflow.IsError(ret.Results[n-1].Type()) {
		return false
	}
	res := ret.Results[n-1]
	if load, ok := res.(*ssa.UnOp); ok {
		sts, ok := ssaflow.VarLastStores(load)
		return ok && !slices.ContainsFunc(sts, func(st *ssa.Store) bool { return !ssaflow.IsNil(st.Val) })
	}
	return ssaflow.IsNil(res)
}

// resultKind returns the kind of response or body that r, a result of a
// return, holds on the path the walk is on. In a function with defers the
// results pass through a local variable, stored on each path just before
// its return; once one path stores the body there, every load of it is
// tracked as the body, so the stores that reach this load
// ([ssaflow.VarLastStores]) decide.
func resultKind(t *tracked, r ssa.Value) kind {
	if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
		if _, local := load.X.(*ssa.Alloc); local {
			if sts, ok := ssaflow.VarLastStores(load); ok {
				var k kind
				for _, st := range sts {
					if sk := t.kind(st.Val); sk != 0 {
						k = sk
					}
				}
				return k
			}
		}
	}
	return t.kind(r)
}

// guardParam returns the index of a boolean parameter of fn that is false
// on every path to rets, the returns that hand back a fresh response: an
// If on it dominates each, and its false successor dominates the return
// (`if empty { resp.Body.Close(); return nil, nil }`). When the caller's
// argument is true, fn hands back no response. It returns -1 if there is
// none. The false successor must have no other predecessor: every path
// to the return then takes the false edge.
func guardParam(fn *ssa.Function, rets []*ssa.Return) int {
	guard := -1
	for _, ret := range rets {
		found := -1
		for d := ret.Block().Idom(); d != nil && found < 0; d = d.Idom() {
			ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
			if !ok || len(d.Succs[1].Preds) != 1 || !d.Succs[1].Dominates(ret.Block()) {
				continue
			}
			if p, ok := ifi.Cond.(*ssa.Parameter); ok {
				found = slices.Index(fn.Params, p)
			}
		}
		if found < 0 || guard >= 0 && found != guard {
			return -1
		}
		guard = found
	}
	return guard
}

// readsResults reports whether the deferred call d is of a closure that
// captures one of its function's result variables (the named err of
// `defer func() { if err != nil { ... } }()`): a function with defers
// stores its results there before the deferred calls run, and returns
// what it loads from them after.
func readsResults(d *ssa.Defer) bool {
	mc, ok := d.Call.Value.(*ssa.MakeClosure)
	if !ok {
		return false
	}
	for _, b := range mc.Bindings {
		a, ok := b.(*ssa.Alloc)
		if !ok {
			continue
		}
		for _, blk := range d.Parent().Blocks {
			if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
				for _, r := range ret.Results {
					if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL && load.X == a {
						return true
					}
				}
			}
		}
	}
	return false
}

// skipFlag returns the local variable of d's function that, when true,
// keeps the deferred closure d from closing the body, or nil: `defer
// func() { if !skip { resp.Body.Close() } }()`, the closure's first test
// being of the captured variable, its true side doing nothing but return,
// and its other side closing (boxo's routing client skips the close where
// it hands the body to an iterator).
func skipFlag(d *ssa.Defer) *ssa.Alloc {
	mc, ok := d.Call.Value.(*ssa.MakeClosure)
	if !ok {
		return nil
	}
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || len(fn.Blocks) == 0 {
		return nil
	}
	entry := fn.Blocks[0]
	ifi, ok := entry.Instrs[len(entry.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	load, ok := ifi.Cond.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fv, ok := load.X.(*ssa.FreeVar)
	i := slices.Index(fn.FreeVars, fv)
	if !ok || i < 0 || i >= len(mc.Bindings) {
		return nil
	}
	a, ok := mc.Bindings[i].(*ssa.Alloc)
	if !ok || a.Parent() != d.Parent() {
		return nil
	}
	skip, closes := entry.Succs[0], entry.Succs[1]
	if len(skip.Instrs) != 1 {
		return nil // the true side does more than return
	}
	if _, isRet := skip.Instrs[0].(*ssa.Return); !isRet {
		return nil
	}
	for _, instr := range closes.Instrs {
		if c, ok := instr.(*ssa.Call); ok && directClose(c) {
			return a
		}
	}
	return nil
}

// flagSetBefore reports whether a store of anything but false into a,
// a deferred close's skip flag, may have run before ret.
func flagSetBefore(a *ssa.Alloc, ret ssa.Instruction) bool {
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.UnOp, *ssa.DebugRef:
			continue
		case *ssa.Store:
			if b, known := ssaflow.ConstBool(ref.Val); known && !b {
				continue
			}
		case *ssa.MakeClosure:
			if slices.Contains(ref.Bindings, ssa.Value(a)) && onlyLoads(ref, a) {
				continue
			}
		}
		if ssaflow.Reaches(ref, ret) {
			return true
		}
	}
	return false
}

// onlyLoads reports whether the closure mc only loads the variable a that
// it captures.
func onlyLoads(mc *ssa.MakeClosure, a *ssa.Alloc) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != a || i >= len(fn.FreeVars) {
			continue
		}
		for _, ref := range *fn.FreeVars[i].Referrers() {
			if u, ok := ref.(*ssa.UnOp); !ok || u.Op != token.MUL {
				if _, debug := ref.(*ssa.DebugRef); !debug {
					return false
				}
			}
		}
	}
	return true
}

// A guard is a boolean that a function's caller gives it and that keeps
// its value through the function: a parameter, or a field of one that
// the function never assigns (see [ssaflow.ParamField]; field -1 for the
// parameter itself). A wrapper that closes the body unless its caller
// sets `params.DontReadBody` tests the guard twice, around the close and
// around the read; the walk takes the same side each time.
//
// A guard may also be a type assertion of such a parameter (or field) to a
// concrete type, assert naming the type: ns1's Do defers the close unless
// `v.(**bufio.Reader)` holds, and hands the body back on that same test.
// Two assertions of one value to one type hold together.
type guard struct {
	param, field int
	assert       string // the asserted concrete type, for a type assertion's ok
}

// A decision is the value a path has taken a guard with.
type decision struct {
	guard
	val bool
}

// guardOf returns the guard that cond tests, and whether it tests its
// negation.
func guardOf(fn *ssa.Function, cond ssa.Value) (g guard, neg, ok bool) {
	if not, isNot := cond.(*ssa.UnOp); isNot && not.Op == token.NOT {
		cond, neg = not.X, true
	}
	assert := ""
	if ex, isExtract := cond.(*ssa.Extract); isExtract && ex.Index == 1 {
		if ta, isAssert := ex.Tuple.(*ssa.TypeAssert); isAssert && ta.CommaOk && !types.IsInterface(ta.AssertedType) {
			cond, assert = ta.X, types.TypeString(ta.AssertedType, nil)
		}
	}
	p, field, ok := ssaflow.ParamField(cond)
	if !ok || p.Parent() != fn {
		return guard{}, false, false
	}
	return guard{slices.Index(fn.Params, p), field, assert}, neg, true
}

// take returns ds with g taken as val, kept sorted, and false when ds has
// taken g the other way: a path that cannot happen.
func take(ds []decision, g guard, val bool) ([]decision, bool) {
	for _, d := range ds {
		if d.guard == g {
			return ds, d.val == val
		}
	}
	out := append(ds[:len(ds):len(ds)], decision{g, val})
	slices.SortFunc(out, func(a, b decision) int {
		if a.param != b.param {
			return a.param - b.param
		}
		if a.field != b.field {
			return a.field - b.field
		}
		return strings.Compare(a.assert, b.assert)
	})
	return out, true
}

// common returns the decisions that both a and b hold.
func common(a, b []decision) []decision {
	var out []decision
	for _, d := range a {
		if slices.Contains(b, d) {
			out = append(out, d)
		}
	}
	return out
}

// A returnGuard is a guard that every path of a wrapper handing back a
// fresh response has taken as open: a caller that gives the other value
// gets no open response (go-bitbucket's `emptyResponse` true, mautrix's
// `DontReadBody` false). A param of -1 is none.
type returnGuard struct {
	guard
	open bool
}

var noGuard = returnGuard{guard{-1, -1, ""}, false}

// resultGuard returns the guard of the returns of fn that w found handing
// back the response: a boolean parameter false on every path to them (see
// [guardParam]), else one that every path the walk took to them took with
// one value.
func resultGuard(fn *ssa.Function, w paths) returnGuard {
	if i := guardParam(fn, w.rets); i >= 0 {
		return returnGuard{guard{i, -1, ""}, false}
	}
	if len(w.retGuards) > 0 {
		d := w.retGuards[0]
		return returnGuard{d.guard, d.val}
	}
	return noGuard
}

// guardArg returns what call gives for the guard g, arg or its field: the
// value, and whether it is a constant, on. A field that a composite
// literal leaves out is false. For a type assertion's guard, on is
// whether the argument's dynamic type, when the call shows it (a value
// converted to the interface there), is the asserted type.
func guardArg(call *ssa.Call, arg ssa.Value, g guard) (v ssa.Value, on, known bool) {
	field := g.field
	if field >= 0 {
		vals, ok := ssaflow.ArgFieldValues(call, arg, field)
		switch {
		case !ok || len(vals) > 1:
			return nil, false, false
		case len(vals) == 0:
			return nil, false, true // the zero value
		}
		arg = vals[0]
	}
	if g.assert != "" {
		if mi, ok := arg.(*ssa.MakeInterface); ok {
			return arg, types.TypeString(mi.X.Type(), nil) == g.assert, true
		}
		return arg, false, false
	}
	on, known = ssaflow.ConstBool(arg)
	return arg, on, known
}
