package ssaflow

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Outlives reports whether addr, the address a store writes, is memory
// that outlives the run of its function: a package variable, or a field
// reached from a parameter or a package variable through fields and
// loads (a receiver's c.client.Transport). Memory of a variable the
// function allocates, or of a value a call returns, is not: it may be
// fresh.
func Outlives(addr ssa.Value) bool {
	for {
		switch a := addr.(type) {
		case *ssa.Global:
			return true
		case *ssa.FieldAddr:
			addr = a.X
			if _, param := addr.(*ssa.Parameter); param {
				return true
			}
		case *ssa.UnOp:
			if a.Op != token.MUL {
				return false
			}
			addr = a.X
		default:
			return false
		}
	}
}

// NilGuarded reports whether st runs only on the branch of a test that
// the memory it writes holds nil (if x.f == nil { x.f = v }, or
// if x.f != nil { return x.f } before it): lazy initialisation, which
// writes once.
func NilGuarded(st *ssa.Store) bool {
	guard, _ := NilGuard(st)
	return guard != nil
}

// NilGuard returns, for a store that is [NilGuarded], the If of that test
// and the branch it takes when the address holds a value, which keeps that
// value (an attempt of a retry that finds the buffer an earlier one made);
// nil otherwise.
func NilGuard(st *ssa.Store) (*ssa.If, *ssa.BasicBlock) {
	blk := st.Block()
	if blk == nil {
		return nil, nil
	}
	for _, b := range st.Parent().Blocks {
		load, isNil, kept := nilTest(b)
		if load != nil && sameAddr(load.X, st.Addr) && isNil.Dominates(blk) {
			return b.Instrs[len(b.Instrs)-1].(*ssa.If), kept
		}
	}
	return nil, nil
}

// nilTest returns, when b ends by testing a load from memory against nil
// (if x.f == nil, if x.f != nil), that load and the branches b takes when
// it is nil and when it holds a value; nil otherwise.
func nilTest(b *ssa.BasicBlock) (load *ssa.UnOp, isNil, kept *ssa.BasicBlock) {
	if len(b.Instrs) == 0 || len(b.Succs) != 2 {
		return nil, nil, nil
	}
	cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil, nil, nil
	}
	cmp, ok := cond.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
		return nil, nil, nil
	}
	other := cmp.X
	if IsNil(other) {
		other = cmp.Y
	} else if !IsNil(cmp.Y) {
		return nil, nil, nil
	}
	load, ok = other.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, nil, nil
	}
	isNil, kept = b.Succs[0], b.Succs[1] // the branches of ==
	if cmp.Op == token.NEQ {
		isNil, kept = kept, isNil
	}
	return load, isNil, kept
}

// RunsUnlessFailing reports whether every run of the function of instrs
// that returns without an error runs one of them: each return reachable
// from the entry without passing one of instrs returns a non-nil error
// (its last result, of type error, is not the constant nil). Panics end
// a path.
func RunsUnlessFailing(instrs ...ssa.Instruction) bool {
	if len(instrs) == 0 {
		return false
	}
	fn := instrs[0].Parent()
	res := fn.Signature.Results()
	failing := func(ret *ssa.Return) bool {
		n := len(ret.Results)
		return n > 0 && res.Len() == n && IsError(res.At(n-1).Type()) && !IsNil(ret.Results[n-1])
	}
	avoid := func(x ssa.Instruction) bool { return slices.Contains(instrs, x) }
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !failing(ret) && ReachesAvoiding(nil, ret, avoid) {
			return false
		}
	}
	return true
}
