package ssaflow

import "golang.org/x/tools/go/ssa"

// AlwaysTrue reports whether st, a store of a bool into a field of the
// struct made at root, sets it true in every run the package shows:
// every source of the value (walked back with b; the value itself when b
// is nil) is the constant true, and st runs on every path from root to a
// return of root's function, st being in that function. A store in
// another function (a caller that tunes what a constructor returns, a
// helper) sets the field for the instances that pass there only; for a
// root that is no instruction (a package variable, or nil for a value
// the package does not make, such as http.DefaultTransport) a store
// counts from the entry of its function, whichever function that is, so
// a store in a function that may never run still counts (a missed report
// at worst). A value from a configuration, a flag's variable or an
// exported function's parameter, or a store under a condition, leaves the
// field false in some run.
func AlwaysTrue(b *Backtracer, root ssa.Value, st *ssa.Store) bool {
	srcs := []ssa.Value{st.Val}
	if b != nil {
		srcs = srcs[:0]
		for _, src := range b.Sources(st.Val).Sources {
			srcs = append(srcs, src.Value)
		}
	}
	for _, v := range srcs {
		if t, known := ConstBool(v); !known || !t {
			return false
		}
	}
	return len(srcs) > 0 && Unavoidable(root, st)
}

// Unavoidable reports whether instr runs on every path from root to a
// return of root's function, instr being in that function; for a root
// that is no instruction (a package variable, a value the package does
// not make) on every path from the entry of instr's function.
func Unavoidable(root ssa.Value, instr ssa.Instruction) bool {
	from, ok := root.(ssa.Instruction)
	switch {
	case !ok:
		from = nil
	case from.Parent() != instr.Parent():
		return false
	}
	skip := func(x ssa.Instruction) bool { return x == instr }
	for _, r := range Returns(instr.Parent()) {
		if ReachesAvoiding(from, r, skip) {
			return false
		}
	}
	return true
}
