package httpflow

import (
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// SetsContext reports whether v is a request whose context the call that
// makes it sets: http.NewRequest[WithContext], Request.WithContext or
// Request.Clone. It is the Stop of the [ssaflow.Backtracer] given to
// [Contexts].
func SetsContext(v ssa.Value) bool {
	return IsNewRequest(v) || Derived(v) != nil
}

// Contexts returns the contexts that the request v may be sent with: the
// context given to http.NewRequestWithContext, Request.WithContext or
// Request.Clone, found by back (whose Stop is [SetsContext]). known is
// false when some request has a context that none of those set: one of
// http.NewRequest (context.Background, never done), or of code the
// package does not show.
func Contexts(back *ssaflow.Backtracer, v ssa.Value) (ctxs []ssa.Value, known bool) {
	for _, src := range back.Sources(v).Sources {
		if _, args := NewRequest(src.Value); args != nil {
			call := src.Value.(*ssa.Extract).Tuple.(*ssa.Call)
			if !httpapi.NewRequestWithContext.Matches(callee.Func(&call.Call)) {
				return nil, false
			}
			ctxs = append(ctxs, call.Call.Args[0])
			continue
		}
		call, ok := src.Value.(*ssa.Call)
		if !ok || Derived(call) == nil || len(call.Call.Args) < 2 {
			return nil, false
		}
		ctxs = append(ctxs, call.Call.Args[1])
	}
	return ctxs, len(ctxs) > 0
}

// Ancestors returns the contexts that are done whenever ctx is: ctx
// itself and, through [httpapi.ContextChildren], its parents, theirs and
// so on. A φ of contexts (`if d > 0 { ctx, cancel = context.WithTimeout(ctx,
// d) }`) is done when every context it merges is: its ancestors are those
// its edges share. So is a load of a variable that closures capture,
// through its last stores ([ssaflow.VarLastStores]).
func Ancestors(ctx ssa.Value) map[ssa.Value]bool {
	return ancestors(ctx, make(map[ssa.Value]bool))
}

func ancestors(ctx ssa.Value, inProgress map[ssa.Value]bool) map[ssa.Value]bool {
	ctx = ssaflow.Unconverted(ctx)
	out := map[ssa.Value]bool{ctx: true}
	if inProgress[ctx] {
		return nil // a φ's edge back to itself constrains nothing
	}
	inProgress[ctx] = true
	defer delete(inProgress, ctx)
	var parent ssa.Value
	switch x := ctx.(type) {
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			parent = parentOf(call, inProgress)
		}
	case *ssa.Call:
		parent = parentOf(x, inProgress)
	case *ssa.Phi:
		for v := range sharedAncestors(x.Edges, inProgress) {
			out[v] = true
		}
	case *ssa.UnOp:
		// A variable that closures capture: the values that its last
		// stores before the load put there, merged as a φ's edges.
		if sts, ok := ssaflow.VarLastStores(x); ok {
			vals := make([]ssa.Value, len(sts))
			for i, st := range sts {
				vals[i] = st.Val
			}
			for v := range sharedAncestors(vals, inProgress) {
				out[v] = true
			}
		}
	}
	if parent != nil {
		a := ancestors(parent, inProgress)
		if a == nil {
			// A child of a φ being walked (a context derived again on
			// each round of a loop): it constrains the φ no more than
			// the φ's edge back to itself does.
			return nil
		}
		for v := range a {
			out[v] = true
		}
	}
	return out
}

// sharedAncestors returns the ancestors that all of vals have, vals
// being a φ's edges or the values of a variable's last stores: those of
// the merged context. A value whose walk comes back to the merge
// constrains nothing.
func sharedAncestors(vals []ssa.Value, inProgress map[ssa.Value]bool) map[ssa.Value]bool {
	var shared map[ssa.Value]bool
	for _, e := range vals {
		a := ancestors(e, inProgress)
		if a == nil {
			continue
		}
		if shared == nil {
			shared = a
			continue
		}
		for v := range shared {
			if !a[v] {
				delete(shared, v)
			}
		}
	}
	return shared
}

// parentOf returns the context that the context call returns (its
// result, or the first of its results) is a child of, or nil.
// [httpapi.ContextChildren] derive from their argument 0. Any other
// function given one context and returning one follows the convention
// of context-passing code, such as go-kit's and grpc-gateway's request
// hooks (`ctx = f(ctx, req)`): it returns that context or a child of it,
// so it is done when its argument is. A function of the package is held
// to that by its body: each of its returns must give a descendant of the
// context parameter. context.WithoutCancel breaks the chain.
func parentOf(call *ssa.Call, inProgress map[ssa.Value]bool) ssa.Value {
	fn := callee.Func(&call.Call)
	if httpapi.ContextChildren.Matches(fn) {
		return call.Call.Args[0]
	}
	if httpapi.ContextWithoutCancel.Matches(fn) {
		return nil
	}
	res := call.Type()
	if tuple, ok := res.(*types.Tuple); ok && tuple.Len() > 0 {
		res = tuple.At(0).Type()
	}
	if !httpapi.ContextType.Matches(res) {
		return nil
	}
	var parent ssa.Value
	at := -1
	for i, arg := range call.Call.Args {
		if httpapi.ContextType.Matches(arg.Type()) {
			if parent != nil {
				return nil
			}
			parent, at = arg, i
		}
	}
	if parent == nil {
		return nil
	}
	if body := call.Call.StaticCallee(); body != nil && body.Blocks != nil {
		if len(body.Params) != len(call.Call.Args) {
			return nil
		}
		param := body.Params[at]
		for _, blk := range body.Blocks {
			ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return)
			if ok && !ancestors(ret.Results[0], inProgress)[param] {
				return nil
			}
		}
	}
	return parent
}

// A Done is a place in a function where a context is known to be done:
// the successor of an If (ctx.Err() != nil, context.Cause(ctx) != nil, the
// case of a select that received from ctx.Done()), or the instruction
// after a receive from ctx.Done().
type Done struct {
	Ctx  ssa.Value // the context, without conversions to interfaces
	Edge ssaflow.Edge
	// Recv, if set, is the receive <-ctx.Done(); Edge is then unset.
	Recv *ssa.UnOp
}

// Dones returns the places in fn where a context is known to be done.
func Dones(fn *ssa.Function) []Done {
	var out []Done
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Call:
				ctx := checkedContext(instr)
				if ctx == nil {
					continue
				}
				for _, e := range ssaflow.SetEdges(instr) {
					out = append(out, Done{Ctx: ssaflow.Unconverted(ctx), Edge: e})
				}
			case *ssa.UnOp:
				if ctx := doneChan(instr.X); instr.Op == token.ARROW && ctx != nil {
					out = append(out, Done{Ctx: ssaflow.Unconverted(ctx), Recv: instr})
				}
			case *ssa.Select:
				out = append(out, selectDones(instr)...)
			}
		}
	}
	return out
}

// checkedContext returns the context whose Err or Cause call is, or nil.
func checkedContext(call *ssa.Call) ssa.Value {
	common := &call.Call
	if common.IsInvoke() {
		if httpapi.ContextErr.Matches(common.Method) {
			return common.Value
		}
		return nil
	}
	if httpapi.ContextCause.Matches(callee.Func(common)) && len(common.Args) == 1 {
		return common.Args[0]
	}
	return nil
}

// doneChan returns the context whose Done channel ch is, or nil.
func doneChan(ch ssa.Value) ssa.Value {
	call, ok := ch.(*ssa.Call)
	if ok && call.Call.IsInvoke() && httpapi.ContextDone.Matches(call.Call.Method) {
		return call.Call.Value
	}
	return nil
}

// selectDones returns the cases of sel that receive from a context's Done
// channel: the If on the index of the chosen case (`t1 = extract t0 #0;
// t2 = t1 == i`), its true branch.
func selectDones(sel *ssa.Select) []Done {
	var out []Done
	for i, st := range sel.States {
		ctx := doneChan(st.Chan)
		if st.Dir != types.RecvOnly || ctx == nil {
			continue
		}
		for _, ref := range *sel.Referrers() {
			ex, ok := ref.(*ssa.Extract)
			if !ok || ex.Index != 0 {
				continue
			}
			for _, use := range *ex.Referrers() {
				bin, ok := use.(*ssa.BinOp)
				if !ok || bin.Op != token.EQL {
					continue
				}
				if n, ok := ssaflow.ConstInt(bin.Y); ok && n == int64(i) {
					for _, ifUse := range *bin.Referrers() {
						if ifInstr, ok := ifUse.(*ssa.If); ok {
							out = append(out, Done{Ctx: ssaflow.Unconverted(ctx), Edge: ssaflow.Edge{If: ifInstr, Succ: 0}})
						}
					}
				}
			}
		}
	}
	return out
}

// A DeferredCancel is a call that fn defers of the CancelFunc a context
// constructor ([httpapi.ContextChildren]) returned together with Ctx: when
// fn returns, Ctx is done, and so is every context derived from it.
type DeferredCancel struct {
	Ctx   *ssa.Extract // the constructor's result 0
	Defer *ssa.Defer
}

// DeferredCancels returns the deferred calls of a CancelFunc in fn:
// `defer cancel()` (or cancel(cause)), and `defer func() { ... cancel()
// ... }()` whose closure calls it on every path to its return. A
// CancelFunc read from a variable counts when the variable holds one
// value: stored once, outside any loop of its function (a closure reads
// it when it runs, at fn's return, not at the defer).
func DeferredCancels(x *ssaflow.Index, loops *ssaflow.Loops, fn *ssa.Function) []DeferredCancel {
	var out []DeferredCancel
	deferredFuncs(x, loops, fn, func(d *ssa.Defer, f ssa.Value) {
		if ctx := constructed(f); ctx != nil {
			out = append(out, DeferredCancel{Ctx: ctx, Defer: d})
		}
	})
	return out
}

// DeferredCalls returns the calls that fn defers of the function value f,
// in the ways [DeferredCancels] recognises: a CancelFunc that a call of
// the package handed back with its response (`resp, cancel, err :=
// c.get(u); defer cancel()`).
func DeferredCalls(x *ssaflow.Index, loops *ssaflow.Loops, fn *ssa.Function, f ssa.Value) []*ssa.Defer {
	var out []*ssa.Defer
	deferredFuncs(x, loops, fn, func(d *ssa.Defer, g ssa.Value) {
		if g == f {
			out = append(out, d)
		}
	})
	return out
}

// deferredFuncs calls visit with each defer of fn and the function value
// it calls ([FuncValue]): `defer f()`, or `defer func() { ... f() ...
// }()` whose closure calls f on every path to its return.
func deferredFuncs(x *ssaflow.Index, loops *ssaflow.Loops, fn *ssa.Function, visit func(*ssa.Defer, ssa.Value)) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			d, ok := instr.(*ssa.Defer)
			if !ok || d.Call.IsInvoke() {
				continue
			}
			if mc, ok := d.Call.Value.(*ssa.MakeClosure); ok {
				for _, f := range closureCalls(x, loops, mc.Fn.(*ssa.Function)) {
					visit(d, f)
				}
				continue
			}
			if f := FuncValue(x, loops, d.Call.Value); f != nil {
				visit(d, f)
			}
		}
	}
}

// FuncValue returns the function value f, read through a variable that
// holds one value (stored once, outside any loop of its function), or nil
// for a variable that may hold several.
func FuncValue(x *ssaflow.Index, loops *ssaflow.Loops, f ssa.Value) ssa.Value {
	f = ssaflow.Unconverted(f)
	if load, ok := f.(*ssa.UnOp); ok && load.Op == token.MUL {
		_, stores, ok := x.Variable(load.X)
		if !ok || len(stores) != 1 || loops.InLoop(stores[0]) {
			return nil
		}
		f = ssaflow.Unconverted(stores[0].Val)
	}
	return f
}

// CancelOf returns the context whose CancelFunc f is, or nil: f is result
// 1 of a context constructor (with its result 0), directly or through
// a variable that holds one value ([FuncValue]).
func CancelOf(x *ssaflow.Index, loops *ssaflow.Loops, f ssa.Value) *ssa.Extract {
	return constructed(FuncValue(x, loops, f))
}

// constructed returns the context whose CancelFunc f, a value, is: f is
// result 1 of a context constructor, the context its result 0. Or nil.
func constructed(f ssa.Value) *ssa.Extract {
	ex, ok := f.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok || !httpapi.ContextChildren.Matches(callee.Func(&call.Call)) {
		return nil
	}
	for _, ref := range *call.Referrers() {
		if ctx, ok := ref.(*ssa.Extract); ok && ctx.Index == 0 {
			return ctx
		}
	}
	return nil
}

// closureCalls returns the function values the closure fn calls on every
// path to its return ([FuncValue]).
func closureCalls(x *ssaflow.Index, loops *ssaflow.Loops, fn *ssa.Function) []ssa.Value {
	var rets []ssa.Instruction
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			rets = append(rets, ret)
		}
	}
	if len(rets) == 0 {
		return nil
	}
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || call.Call.IsInvoke() || !dominatesAll(call, rets) {
				continue
			}
			if f := FuncValue(x, loops, call.Call.Value); f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

func dominatesAll(a ssa.Instruction, bs []ssa.Instruction) bool {
	for _, b := range bs {
		if !ssaflow.Dominates(a, b) {
			return false
		}
	}
	return true
}
