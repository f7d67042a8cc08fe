package idleperhost

import (
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// alwaysOff reports whether st, a store into fa (a transport's
// DisableKeepAlives), turns keep-alives off in every run the package
// shows: every source of the value is the constant true (a literal, or a
// constant argument of every call of a helper), and the store runs on
// every path from where the transport is made (or its function entered)
// to a return. A value from a configuration, a flag or an exported
// function's parameter, and a store under a condition, leave keep-alives
// on in some run (cloudprober#647 turned them off unless configured), and
// there the idle pool is what this analyzer judges.
func (s *state) alwaysOff(st *ssa.Store, fa *ssa.FieldAddr) bool {
	srcs := s.settingBack.Sources(st.Val).Sources
	for _, src := range srcs {
		if b, known := ssaflow.ConstBool(src.Value); !known || !b {
			return false
		}
	}
	var from ssa.Instruction
	if i, ok := fa.X.(ssa.Instruction); ok && i.Parent() == st.Parent() {
		from = i
	}
	skip := func(x ssa.Instruction) bool { return x == st }
	for _, b := range st.Parent().Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && ssaflow.ReachesAvoiding(from, r, skip) {
			return false
		}
	}
	return len(srcs) > 0
}
