package respbody

import (
	"go/token"
	"slices"

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
