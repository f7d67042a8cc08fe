package ssaflow

import (
	"go/token"

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
	blk := st.Block()
	if blk == nil {
		return false
	}
	for _, b := range st.Parent().Blocks {
		if len(b.Instrs) == 0 || len(b.Succs) != 2 {
			continue
		}
		cond, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := cond.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
			continue
		}
		other := cmp.X
		if IsNil(other) {
			other = cmp.Y
		} else if !IsNil(cmp.Y) {
			continue
		}
		load, ok := other.(*ssa.UnOp)
		if !ok || load.Op != token.MUL || !sameAddr(load.X, st.Addr) {
			continue
		}
		isNil := b.Succs[0] // the true branch of ==
		if cmp.Op == token.NEQ {
			isNil = b.Succs[1]
		}
		if isNil.Dominates(blk) {
			return true
		}
	}
	return false
}
