package ssaflow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// This file names the values a function reads from its parameters that
// stay the same wherever it reads them, and what a call gives for them.

// ParamField reports whether v is a parameter p of its function (field
// -1), or a load of the variable it is spilled into where nothing that
// may assign the variable can have run, or field i of one that the
// function never assigns: p.f of a struct
// parameter (a Field of it, or a load of the field of the variable the
// parameter is spilled into, which nothing else is stored into), or of a
// pointer to a struct. Two values with the same p and field hold the same
// value, however often the function loads it. ok is false otherwise, and
// when the address of the field or of the struct goes anywhere but a
// load, a closure that only loads the field, or, for a pointer
// parameter, a field selection.
func ParamField(v ssa.Value) (p *ssa.Parameter, field int, ok bool) {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v, -1, true
	case *ssa.Field:
		p, ok := v.X.(*ssa.Parameter)
		return p, v.Field, ok
	case *ssa.UnOp:
		if a, isAlloc := v.X.(*ssa.Alloc); isAlloc && v.Op == token.MUL {
			// The variable a parameter is spilled into (its address
			// taken: json.NewDecoder(r).Decode(&v)), loaded where
			// nothing that may assign it can have run yet.
			if p := spilled(a); p != nil && unassignedAt(a, p, v) {
				return p, -1, true
			}
			return nil, -1, false
		}
		fa, isField := v.X.(*ssa.FieldAddr)
		if v.Op != token.MUL || !isField {
			return nil, -1, false
		}
		switch base := fa.X.(type) {
		case *ssa.Parameter:
			return base, fa.Field, fieldKept(base, fa.Field, nil)
		case *ssa.Alloc:
			if p := spilled(base); p != nil && fieldKept(base, fa.Field, p) {
				return p, fa.Field, true
			}
		}
	}
	return nil, -1, false
}

// spilled returns the parameter that a is the variable of: the one value
// stored into it whole, or nil.
func spilled(a *ssa.Alloc) *ssa.Parameter {
	var p *ssa.Parameter
	for _, ref := range *a.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
			q, isParam := st.Val.(*ssa.Parameter)
			if !isParam || p != nil {
				return nil
			}
			p = q
		}
	}
	return p
}

// unassignedAt reports whether load, a load of a, the variable p is
// spilled into, still reads p: every other use of a that may assign it (a
// store, its address given to a call or a closure, a field's address) is
// unable to reach load.
func unassignedAt(a *ssa.Alloc, p *ssa.Parameter, load *ssa.UnOp) bool {
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op == token.MUL {
				continue
			}
		case *ssa.Store:
			if ref.Addr == a && ref.Val == p {
				continue // the spill itself
			}
		case *ssa.DebugRef:
			continue
		}
		if Reaches(ref, load) {
			return false
		}
	}
	return true
}

// fieldKept reports whether nothing assigns field i of the struct at
// addr, nor the struct whole but by the spill of p: its address and that
// of field i are only loaded, selected and captured by closures that do
// the same.
func fieldKept(addr ssa.Value, i int, p *ssa.Parameter) bool {
	for _, ref := range *addr.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if ref.Field != i {
				continue // another field: assigning it leaves field i
			}
			for _, use := range *ref.Referrers() {
				if load, ok := use.(*ssa.UnOp); !ok || load.Op != token.MUL {
					if _, debug := use.(*ssa.DebugRef); !debug {
						return false
					}
				}
			}
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return false
			}
		case *ssa.Store:
			if ref.Addr != addr || p == nil || ref.Val != p {
				return false
			}
		case *ssa.MakeClosure:
			for j, b := range ref.Bindings {
				if b == addr && !fieldKept(ref.Fn.(*ssa.Function).FreeVars[j], i, nil) {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// ArgFieldValues returns the values that field i of arg, a struct or a
// pointer to one that call is given, may hold: those stored into it when
// arg is a variable whose fields only its own function can reach, a
// composite literal say (see localFieldStores; none when the literal
// leaves the field zero). ok is false otherwise.
func ArgFieldValues(call ssa.CallInstruction, arg ssa.Value, i int) (vals []ssa.Value, ok bool) {
	var passed ssa.Instruction
	if _, isPtr := arg.(*ssa.Alloc); isPtr {
		passed = call // &T{...}: the call is given its address
	}
	a := structVar(arg)
	if a == nil {
		return nil, false
	}
	return localFieldStores(a, i, 0, passed)
}
