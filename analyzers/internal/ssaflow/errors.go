package ssaflow

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// IsError reports whether t is the predeclared type error.
func IsError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// ErrorResult returns the values of the error result of c (its last
// result): the call itself or the Extracts of that result; nil when c
// returns no error.
func ErrorResult(c ssa.CallInstruction) []ssa.Value {
	v := c.Value()
	if v == nil {
		return nil
	}
	switch t := v.Type().(type) {
	case *types.Tuple:
		last := t.Len() - 1
		if last < 0 || !IsError(t.At(last).Type()) {
			return nil
		}
		var out []ssa.Value
		for _, ref := range *v.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == last {
				out = append(out, ex)
			}
		}
		return out
	default:
		if !IsError(t) {
			return nil
		}
		return []ssa.Value{v}
	}
}

// An Edge is a successor of an If: Succs[Succ] of its block.
type Edge struct {
	If   *ssa.If
	Succ int
}

// Block returns the block the edge leads to.
func (e Edge) Block() *ssa.BasicBlock { return e.If.Block().Succs[e.Succ] }

// SetEdges returns the successors of the Ifs on err, an error value, that
// run only when it is not nil: err != nil (and the other branch of
// err == nil), and err == x where x is a package-level variable (a
// sentinel such as io.EOF: the branch where they are equal; of
// `err != io.EOF`, the other one), also through a `!`.
func SetEdges(err ssa.Value) []Edge {
	var out []Edge
	for _, ref := range *err.Referrers() {
		bin, ok := ref.(*ssa.BinOp)
		if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
			continue
		}
		other := bin.Y
		if other == err {
			other = bin.X
		}
		// set is the successor, taken when the comparison is true (0) or
		// false (1), that says err is set.
		var set int
		switch {
		case IsNil(other):
			set = 0
			if bin.Op == token.EQL {
				set = 1
			}
		case isSentinel(other):
			set = 1
			if bin.Op == token.EQL {
				set = 0
			}
		default:
			continue
		}
		out = append(out, ifEdges(bin, set)...)
	}
	return out
}

// isSentinel reports whether v is loaded from a package-level variable.
func isSentinel(v ssa.Value) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	_, ok = load.X.(*ssa.Global)
	return ok
}

// ifEdges returns the successors, of the Ifs on cond or on !cond, that
// the branch succ of an If on cond is.
func ifEdges(cond ssa.Value, succ int) []Edge {
	var out []Edge
	for _, use := range *cond.Referrers() {
		switch use := use.(type) {
		case *ssa.If:
			out = append(out, Edge{use, succ})
		case *ssa.UnOp:
			if use.Op == token.NOT {
				out = append(out, ifEdges(use, 1-succ)...)
			}
		}
	}
	return out
}

// ErrorValues returns the error result of c (its last result) and the
// φ-nodes that merge it; nil when c returns no error.
func ErrorValues(c *ssa.Call) []ssa.Value {
	work := ErrorResult(c)
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
// (see [ErrorValues]) was found set (see [SetEdges]).
func FailureBranches(c *ssa.Call) []*ssa.BasicBlock {
	var out []*ssa.BasicBlock
	for _, v := range ErrorValues(c) {
		for _, e := range SetEdges(v) {
			out = append(out, e.Block())
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

// ErrorTexts returns the calls of Error() on the errors errs: the texts
// that conditions on an error's message test.
func ErrorTexts(errs []ssa.Value) []*ssa.Call {
	var out []*ssa.Call
	for _, v := range errs {
		for _, ref := range *v.Referrers() {
			if c, ok := ref.(*ssa.Call); ok && c.Call.IsInvoke() && c.Call.Value == v && c.Call.Method.Name() == "Error" && len(c.Call.Args) == 0 {
				out = append(out, c)
			}
		}
	}
	return out
}

// ErrorSwallowed reports whether the failure of c cannot be seen by the
// callers of its function: the function has no results, c's error (see
// [ErrorValues]) is only compared with nil or given to calls that quiet
// accepts (printing it, say), and the blocks that run only when it is set
// (see [FailureBranches], each entered by the failed check alone) make no
// calls but those, store nothing outside their own locals and do not
// panic. A caller that calls the function again cannot be doing so
// because c failed.
func ErrorSwallowed(c *ssa.Call, quiet func(*ssa.CallCommon) bool) bool {
	fn := c.Parent()
	if fn.Signature.Results().Len() > 0 {
		return false
	}
	errs := ErrorValues(c)
	if len(errs) == 0 {
		return false
	}
	for _, v := range errs {
		for _, ref := range *v.Referrers() {
			if !quietUse(ref, quiet) {
				return false
			}
		}
	}
	for _, b := range FailureBranches(c) {
		if len(b.Preds) != 1 {
			return false
		}
		for _, d := range fn.Blocks {
			if b.Dominates(d) && !quietBlock(d, quiet) {
				return false
			}
		}
	}
	return true
}

// quietUse reports whether ref, a use of an error, only tests it or
// hands it to a quiet call: a comparison, a φ (itself among the error's
// values), the call's argument, or its conversion to another interface
// stored among a quiet call's variadic arguments.
func quietUse(ref ssa.Instruction, quiet func(*ssa.CallCommon) bool) bool {
	switch ref := ref.(type) {
	case *ssa.BinOp:
		return ref.Op == token.EQL || ref.Op == token.NEQ
	case *ssa.Phi, *ssa.DebugRef:
		return true
	case ssa.CallInstruction:
		return quiet(ref.Common())
	case *ssa.MakeInterface, *ssa.ChangeInterface:
		boxed := ref.(ssa.Value)
		for _, use := range *boxed.Referrers() {
			st, ok := use.(*ssa.Store)
			if !ok || st.Val != boxed {
				if !quietUse(use, quiet) {
					return false
				}
				continue
			}
			call := VariadicCall(st.Addr)
			if call == nil || !quiet(call.Common()) {
				return false
			}
		}
		return true
	}
	return false
}

// quietBlock reports whether b makes only quiet calls, stores only into
// their variadic arguments and its function's own stack allocations, and
// does not panic.
func quietBlock(b *ssa.BasicBlock, quiet func(*ssa.CallCommon) bool) bool {
	for _, instr := range b.Instrs {
		switch instr := instr.(type) {
		case *ssa.Call:
			if _, builtin := instr.Call.Value.(*ssa.Builtin); !builtin && !quiet(&instr.Call) {
				return false
			}
		case *ssa.Store:
			if call := VariadicCall(instr.Addr); call != nil && quiet(call.Common()) {
				continue // an argument of a quiet call
			}
			if !localAddr(instr.Addr) {
				return false
			}
		case *ssa.Go, *ssa.Defer, *ssa.Send, *ssa.Panic, *ssa.MapUpdate:
			return false
		}
	}
	return true
}

// localAddr reports whether addr is in a stack allocation of its function
// (an element or field of one included).
func localAddr(addr ssa.Value) bool {
	for {
		switch a := addr.(type) {
		case *ssa.IndexAddr:
			addr = a.X
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.Alloc:
			return !a.Heap
		default:
			return false
		}
	}
}

// Asserted returns the interface value that cond, the ok of a comma-ok
// type assertion (`_, ok := err.(net.Error)`, a case of a type switch),
// tests, or nil. The assertion succeeds only on a value that is not nil
// (a nil interface value has no dynamic type), so cond is true only when
// the value is set.
func Asserted(cond ssa.Value) ssa.Value {
	ex, ok := cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return nil
	}
	if ta, ok := ex.Tuple.(*ssa.TypeAssert); ok && ta.CommaOk {
		return ta.X
	}
	return nil
}
