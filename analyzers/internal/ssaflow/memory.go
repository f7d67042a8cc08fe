package ssaflow

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// This file resolves memory for the backward walk: what a load of a
// variable, a field or a global may read, and which local variables an
// address may be.

// stored returns the values a load may read: those stored in a local or
// captured variable, or with Fields in a field or global of the package.
func (b *Backtracer) stored(load *ssa.UnOp) ([]ssa.Value, bool) {
	if load.Op != token.MUL {
		return nil, false
	}
	switch addr := load.X.(type) {
	case *ssa.Alloc, *ssa.FreeVar:
		if _, free := addr.(*ssa.FreeVar); free && b.Run {
			return nil, false // the enclosing function's variable, of another run
		}
		_, stores, ok := b.Index.Variable(addr)
		var out []ssa.Value
		for _, st := range stores {
			out = append(out, st.Val)
		}
		return out, ok
	case *ssa.FieldAddr:
		if b.Last {
			if sts, tested, ok := b.LastStores(load); ok {
				out := make([]ssa.Value, 0, len(sts)+len(tested))
				for _, st := range sts {
					out = append(out, st.Val)
				}
				for _, t := range tested {
					out = append(out, t)
				}
				return out, true
			}
		}
		if b.Instances {
			if out, ok := b.instanceStores(addr); ok {
				return out, true
			}
		}
		return b.fieldStores(addr.X, addr.Field)
	case *ssa.Global:
		if !b.Fields || addr.Pkg != b.Index.Pkg {
			return nil, false
		}
		var out []ssa.Value
		for _, instr := range b.Index.Referrers(addr) {
			if st, ok := instr.(*ssa.Store); ok && st.Addr == addr {
				out = append(out, st.Val)
			}
		}
		return out, true
	}
	return nil, false
}

// fieldStores returns, with Fields, the values stored in x's own field i
// when x is a local struct whose fields nothing else can reach (see
// localFieldStores), whatever package declares the struct (an
// http.Client value, say); else those stored anywhere in the package in
// field i of x's struct type, if the package declares it.
func (b *Backtracer) fieldStores(x ssa.Value, i int) ([]ssa.Value, bool) {
	f := FieldOf(x.Type(), i)
	if !b.Fields || f == nil {
		return nil, false
	}
	if a := structVar(x); a != nil {
		if out, ok := localFieldStores(a, i, 0, nil); ok {
			return out, true
		}
	}
	if f.Pkg() != b.Index.Pkg.Pkg {
		return nil, false // another package may set it
	}
	sels := b.Index.Selections(f)
	var out []ssa.Value
	for _, sel := range sels {
		if fa, ok := sel.(*ssa.FieldAddr); ok {
			for _, ref := range *fa.Referrers() {
				if st, ok := ref.(*ssa.Store); ok && st.Addr == fa {
					out = append(out, st.Val)
				}
			}
		}
	}
	return out, true
}

// LastStores returns the stores that load, of a field (at any depth
// below one value: c.config.HttpClient.Transport), reads when its own
// function stores that same field, through the same chain of fields, on
// every path to it: the stores that reach the load with none of these in
// between: another such store, a store to a field or variable of the
// chain (c.config = other), or a call of the package's functions or of a
// function value, which may store one. A path that stores nothing may
// instead take the branch of a test of the field against nil on which
// it holds a value, with none of those after the test (if c.T == nil
// { c.T = def }): the load then reads what the test read, and tested
// holds those earlier loads. ok is false when a path reaches the load
// without a store or such a test, or from one of those in between: then
// the load may read anything the package stores there.
func (b *Backtracer) LastStores(load *ssa.UnOp) (stores []*ssa.Store, tested []*ssa.UnOp, ok bool) {
	fa, isField := load.X.(*ssa.FieldAddr)
	if load.Op != token.MUL || !isField || load.Block() == nil {
		return nil, nil, false
	}
	fields, vars := chainOf(fa)
	var blockers []ssa.Instruction
	var candidates []*ssa.Store
	for _, blk := range load.Parent().Blocks {
		for _, instr := range blk.Instrs {
			switch instr := instr.(type) {
			case *ssa.Store:
				switch addr := instr.Addr.(type) {
				case *ssa.FieldAddr:
					if sameAddr(addr, fa) {
						candidates = append(candidates, instr)
					} else if slices.Contains(fields, FieldOf(addr.X.Type(), addr.Field)) {
						blockers = append(blockers, instr)
					}
				default:
					if slices.Contains(vars, instr.Addr) {
						blockers = append(blockers, instr)
					}
				}
			case *ssa.Call:
				if fn := instr.Call.StaticCallee(); fn == nil || fn.Pkg == b.Index.Pkg || fn.Pkg == nil {
					blockers = append(blockers, instr)
				}
			}
		}
	}
	tests := keptBranches(load, fa, candidates, blockers)
	stores, ok = reachingStores(load, candidates, blockers, tests)
	if !ok {
		return nil, nil, false
	}
	for t := range tests {
		tested = append(tested, t)
	}
	slices.SortFunc(tested, func(x, y *ssa.UnOp) int { return int(x.Block().Index - y.Block().Index) })
	return stores, tested, true
}

// keptBranches returns the loads of the field at fa that a block of
// load's function tests against nil, with no store of the field nor
// blocker after them in their block, and whose value reaches load: by
// load, the branch on which it holds a value.
func keptBranches(load *ssa.UnOp, fa *ssa.FieldAddr, candidates []*ssa.Store, blockers []ssa.Instruction) map[*ssa.UnOp]*ssa.BasicBlock {
	sets := func(x ssa.Instruction) bool {
		st, ok := x.(*ssa.Store)
		return ok && slices.Contains(candidates, st) || slices.Contains(blockers, x)
	}
	tests := make(map[*ssa.UnOp]*ssa.BasicBlock)
	for _, blk := range load.Parent().Blocks {
		t, _, kept := nilTest(blk)
		if t == nil || t.Block() != blk || !sameAddr(t.X, fa) ||
			slices.ContainsFunc(blk.Instrs[slices.Index(blk.Instrs, ssa.Instruction(t))+1:], sets) ||
			!ReachesAvoiding(t, load, sets) {
			continue
		}
		tests[t] = kept
	}
	return tests
}

// VarLastStores returns the stores that load, of a local variable of its
// own function that closures capture, reads: those that reach it with no
// other store to the variable in between, and no call of a closure that
// stores it. A closure that stores it and is only deferred runs after the
// function's last load; one that goes anywhere else (a goroutine, a
// field, another function) may store it at any time, and ok is false. ok
// is false too when the variable's address is used other than to load,
// store and capture it, or when a path reaches the load without a store.
// The load of a variable no closure captures is a register in SSA form,
// not a load.
func VarLastStores(load *ssa.UnOp) (stores []*ssa.Store, ok bool) {
	a, isVar := load.X.(*ssa.Alloc)
	if load.Op != token.MUL || !isVar || load.Block() == nil || a.Parent() != load.Parent() {
		return nil, false
	}
	all, ok := varStores(a)
	if !ok {
		return nil, false
	}
	var candidates []*ssa.Store
	closures := false
	for _, st := range all {
		if st.Parent() == load.Parent() {
			candidates = append(candidates, st)
		} else {
			closures = true
		}
	}
	var blockers []ssa.Instruction
	if closures {
		for _, ref := range *a.Referrers() {
			mc, ok := ref.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			for _, use := range *mc.Referrers() {
				switch use := use.(type) {
				case *ssa.Defer:
					if use.Call.Value != mc || slices.Contains(use.Call.Args, ssa.Value(mc)) {
						return nil, false
					}
				case *ssa.Call:
					if use.Call.Value != mc || slices.Contains(use.Call.Args, ssa.Value(mc)) {
						return nil, false
					}
					blockers = append(blockers, use)
				case *ssa.DebugRef:
				default:
					return nil, false
				}
			}
		}
	}
	return reachingStores(load, candidates, blockers, nil)
}

// reachingStores returns the candidates that reach load with no other
// candidate and no blocker in between; ok is false when the function's
// entry or a blocker reaches it so other than through a kept branch of
// tests (a tested load's block and the branch it takes from there).
func reachingStores(load *ssa.UnOp, candidates []*ssa.Store, blockers []ssa.Instruction, tests map[*ssa.UnOp]*ssa.BasicBlock) (stores []*ssa.Store, ok bool) {
	if len(candidates) == 0 {
		return nil, false
	}
	avoid := func(x ssa.Instruction) bool {
		st, ok := x.(*ssa.Store)
		return ok && slices.Contains(candidates, st) || slices.Contains(blockers, x)
	}
	cut := func(from, to *ssa.BasicBlock) bool {
		for t, kept := range tests {
			if t.Block() == from && kept == to {
				return true
			}
		}
		return false
	}
	if ReachesAvoidingOn(nil, load, avoid, cut) ||
		slices.ContainsFunc(blockers, func(x ssa.Instruction) bool { return ReachesAvoidingOn(x, load, avoid, cut) }) {
		return nil, false
	}
	for _, st := range candidates {
		if ReachesAvoiding(st, load, avoid) {
			stores = append(stores, st)
		}
	}
	return stores, len(stores) > 0
}

// instanceStores returns, with Instances, the values stored in field
// fa.Field of the structs that fa.X may be, when fa.X comes only from
// allocations of the package (and nil): the stores into that field of
// those allocations and of the values fa.X is walked back through (a
// parameter, a phi, the call that returns one). ok is false when a source
// of fa.X is anything else, or when the walk comes back to fa.
func (b *Backtracer) instanceStores(fa *ssa.FieldAddr) (out []ssa.Value, ok bool) {
	if b.busy[fa] {
		return nil, false
	}
	if b.busy == nil {
		b.busy = make(map[*ssa.FieldAddr]bool)
	}
	b.busy[fa] = true
	defer delete(b.busy, fa)
	o := b.Sources(fa.X)
	allocs := 0
	for _, src := range o.Sources {
		switch {
		case IsNil(src.Value):
		case src.Kind == Made:
			if _, ok := src.Value.(*ssa.Alloc); !ok {
				return nil, false
			}
			allocs++
		default:
			return nil, false
		}
	}
	if allocs == 0 {
		return nil, false
	}
	for _, v := range o.Values {
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, ref := range *refs {
			sel, ok := ref.(*ssa.FieldAddr)
			if !ok || sel.X != v || sel.Field != fa.Field {
				continue
			}
			for _, use := range *sel.Referrers() {
				if st, ok := use.(*ssa.Store); ok && st.Addr == sel {
					out = append(out, st.Val)
				}
			}
		}
	}
	return out, true
}

// chainOf returns the fields selected on the way to addr and the
// variables (globals, locals) loaded on it.
func chainOf(addr ssa.Value) (fields []*types.Var, vars []ssa.Value) {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			fields = append(fields, FieldOf(a.X.Type(), a.Field))
			addr = a.X
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return fields, vars
			}
			addr = a.X
		case *ssa.Global, *ssa.Alloc, *ssa.FreeVar:
			return fields, append(vars, a)
		default:
			return fields, vars
		}
	}
}

// sameAddr reports whether a and b are the same address computed twice:
// the same field selected through the same chain of fields and loads.
func sameAddr(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	switch a := a.(type) {
	case *ssa.FieldAddr:
		b, ok := b.(*ssa.FieldAddr)
		return ok && a.Field == b.Field && sameAddr(a.X, b.X)
	case *ssa.UnOp:
		b, ok := b.(*ssa.UnOp)
		return ok && a.Op == token.MUL && b.Op == token.MUL && sameAddr(a.X, b.X)
	}
	return false
}

// structVar returns the variable that x, a struct's address or a copy of
// the struct loaded from it, comes from, or nil.
func structVar(x ssa.Value) *ssa.Alloc {
	if load, ok := x.(*ssa.UnOp); ok && load.Op == token.MUL {
		x = load.X
	}
	a, _ := x.(*ssa.Alloc)
	if a == nil || !isStruct(a.Type().Underlying().(*types.Pointer).Elem()) {
		return nil
	}
	return a
}

// StructCopies returns the struct variable a and the variables whose
// value is assigned to it whole, transitively: SSA builds x := T{...}, when
// x's address is taken, in a temporary that it then copies into x, so the
// fields set in the literal are stored in the temporary, not in x. Other
// stores into a are not followed.
func StructCopies(a *ssa.Alloc) []*ssa.Alloc {
	out := []*ssa.Alloc{a}
	for i := 0; i < len(out); i++ {
		for _, ref := range *out[i].Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == out[i] {
				if src := structVar(st.Val); src != nil && !slices.Contains(out, src) {
					out = append(out, src)
				}
			}
		}
	}
	return out
}

// CopiedFromElsewhere reports whether a value other than the zero value
// or a copy of one of copies (see [StructCopies]) is assigned whole to one
// of them: a struct copied from another (c := *other), whose fields the
// stores into copies do not show.
func CopiedFromElsewhere(copies []*ssa.Alloc) bool {
	for _, a := range copies {
		for _, ref := range *a.Referrers() {
			st, ok := ref.(*ssa.Store)
			if ok && st.Addr == a && !IsZero(st.Val) && !slices.Contains(copies, structVar(st.Val)) {
				return true
			}
		}
	}
	return false
}

// localFieldStores returns the values stored in field i of a, a struct
// variable whose address is used only to select its fields (which are
// stored to or loaded), to load the struct and to assign it whole, from
// copies of other such variables (a composite literal, say), and to be
// given to the call passed (nil for none): then nothing else can store
// into its fields. ok is false otherwise.
func localFieldStores(a *ssa.Alloc, i, depth int, passed ssa.Instruction) (out []ssa.Value, ok bool) {
	if depth > maxFrames {
		return nil, false
	}
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			for _, use := range *ref.Referrers() {
				switch use := use.(type) {
				case *ssa.Store:
					if use.Addr != ref {
						return nil, false
					}
					if ref.Field == i {
						out = append(out, use.Val)
					}
				case *ssa.UnOp:
					if use.Op != token.MUL {
						return nil, false
					}
				case *ssa.DebugRef:
				default:
					return nil, false // the field's address goes elsewhere
				}
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return nil, false
			}
		case *ssa.Store:
			src := structVar(ref.Val)
			if ref.Addr != a || src == nil || src == a {
				return nil, false
			}
			more, ok := localFieldStores(src, i, depth+1, nil)
			if !ok {
				return nil, false
			}
			out = append(out, more...)
		case *ssa.DebugRef:
		default:
			if ref != passed || passed == nil {
				return nil, false
			}
		}
	}
	return out, true
}

// Variable resolves addr, the address of a local variable (an *ssa.Alloc,
// or a free variable bound to one), to the variables it may be and the
// stores into them, in the function that declares each one and in the
// closures that capture it. ok is false if addr is no such address, or if a
// variable's address is used other than to load, store and capture it.
func (x *Index) Variable(addr ssa.Value) (allocs []*ssa.Alloc, stores []*ssa.Store, ok bool) {
	allocs, ok = x.allocs(addr)
	if !ok {
		return nil, nil, false
	}
	for _, a := range allocs {
		sts, ok := varStores(a)
		if !ok {
			return nil, nil, false
		}
		stores = append(stores, sts...)
	}
	return allocs, stores, true
}

// allocs returns the variables that addr may be: itself, or the variables
// a free variable is bound to, through enclosing closures.
func (x *Index) allocs(addr ssa.Value) ([]*ssa.Alloc, bool) {
	switch addr := addr.(type) {
	case *ssa.Alloc:
		return []*ssa.Alloc{addr}, true
	case *ssa.FreeVar:
		var out []*ssa.Alloc
		for _, b := range x.Bindings(addr) {
			as, ok := x.allocs(b) // bindings lie in the enclosing function: this ends
			if !ok {
				return nil, false
			}
			out = append(out, as...)
		}
		return out, len(out) > 0
	}
	return nil, false
}

// varStores returns the stores into variable a, directly or through the
// closures that capture it; ok is false if its address goes anywhere else.
func varStores(a *ssa.Alloc) (stores []*ssa.Store, ok bool) {
	addrs := []ssa.Value{a}
	for i := 0; i < len(addrs); i++ {
		addr := addrs[i]
		for _, ref := range *addr.Referrers() {
			switch ref := ref.(type) {
			case *ssa.Store:
				if ref.Addr != addr {
					return nil, false
				}
				stores = append(stores, ref)
			case *ssa.UnOp:
				if ref.Op != token.MUL {
					return nil, false
				}
			case *ssa.MakeClosure:
				for j, b := range ref.Bindings {
					if fv := ref.Fn.(*ssa.Function).FreeVars[j]; b == addr && !slices.Contains(addrs, ssa.Value(fv)) {
						addrs = append(addrs, fv)
					}
				}
			case *ssa.DebugRef:
			default:
				return nil, false
			}
		}
	}
	return stores, true
}

// FieldStores returns the stores to field f anywhere in the package,
// through any selection of it.
func (x *Index) FieldStores(f *types.Var) []*ssa.Store {
	var out []*ssa.Store
	for _, sel := range x.Selections(f) {
		if _, ok := sel.(*ssa.FieldAddr); !ok {
			continue
		}
		for _, ref := range *sel.Referrers() {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == sel {
				out = append(out, st)
			}
		}
	}
	return out
}

// LastResultAfter returns the values that ret's last result may hold
// when ret is reached on a path from from (see [ResultAfter]). It is
// empty when ret has no results.
func LastResultAfter(from ssa.Instruction, ret *ssa.Return) []ssa.Value {
	if len(ret.Results) == 0 {
		return nil
	}
	return ResultAfter(from, ret, len(ret.Results)-1)
}

// ResultAfter returns the values that ret's result i may hold when ret is
// reached on a path from from: the result itself, or, when it is a load
// of a local variable (a function with defers keeps its results in one,
// see [VarLastStores]), the values of the last stores into it on such a
// path: those the path makes, and, where it makes none (a bare return of
// named results), those that reach from.
func ResultAfter(from ssa.Instruction, ret *ssa.Return, i int) []ssa.Value {
	res := ret.Results[i]
	if load, ok := res.(*ssa.UnOp); ok {
		if sts, ok := VarLastStores(load); ok {
			into := func(x ssa.Instruction) bool {
				st, ok := x.(*ssa.Store)
				return ok && st.Addr == load.X
			}
			held := ReachesAvoiding(from, load, into)
			var out []ssa.Value
			for _, st := range sts {
				if Reaches(from, st) || held && ReachesAvoiding(st, from, into) {
					out = append(out, st.Val)
				}
			}
			return out
		}
	}
	return []ssa.Value{res}
}
