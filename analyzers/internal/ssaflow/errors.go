package ssaflow

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// IsError reports whether t is the predeclared type error.
func IsError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// ErrorValues returns the error result of c (its last result) and the
// φ-nodes that merge it; nil when c returns no error.
func ErrorValues(c *ssa.Call) []ssa.Value {
	var work []ssa.Value
	switch t := c.Type().(type) {
	case *types.Tuple:
		last := t.Len() - 1
		if last < 0 || !IsError(t.At(last).Type()) {
			return nil
		}
		for _, ref := range *c.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == last {
				work = append(work, ex)
			}
		}
	default:
		if !IsError(t) {
			return nil
		}
		work = append(work, c)
	}
	var out []ssa.Value
	seen := make(map[ssa.Value]bool)
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
		for _, ref := range *v.Referrers() {
			if phi, ok := ref.(*ssa.Phi); ok {
				work = append(work, phi)
			}
		}
	}
	return out
}

// FailureBranches returns the blocks that run when the error result of c
// (see [ErrorValues]) was compared with nil and found set.
func FailureBranches(c *ssa.Call) []*ssa.BasicBlock {
	var out []*ssa.BasicBlock
	for _, v := range ErrorValues(c) {
		for _, ref := range *v.Referrers() {
			bin, ok := ref.(*ssa.BinOp)
			if !ok || bin.Op != token.EQL && bin.Op != token.NEQ || !IsNil(bin.X) && !IsNil(bin.Y) {
				continue
			}
			for _, use := range *bin.Referrers() {
				if ifInstr, ok := use.(*ssa.If); ok {
					succs := ifInstr.Block().Succs
					if bin.Op == token.NEQ {
						out = append(out, succs[0])
					} else {
						out = append(out, succs[1])
					}
				}
			}
		}
	}
	return out
}

// AgainOnlyAfterFailure reports whether c can run again in its function
// only by way of a failure branch (see [FailureBranches]) that nothing but
// the failed check enters: a loop that tries the call again when it fails
// and leaves once it succeeds. A branch block that the success path also
// reaches (the join after `if err == nil { ... }`) is no failure branch. It
// is false for a call that is not in a loop, and for one whose error is
// never compared with nil.
func AgainOnlyAfterFailure(c *ssa.Call) bool {
	failures := slices.DeleteFunc(FailureBranches(c), func(b *ssa.BasicBlock) bool { return len(b.Preds) != 1 })
	if len(failures) == 0 {
		return false
	}
	b := c.Block()
	return RunsAgain(b, nil) && !RunsAgain(b, func(x *ssa.BasicBlock) bool { return slices.Contains(failures, x) })
}
