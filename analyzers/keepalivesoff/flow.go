package keepalivesoff

import (
	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// sendsThrough returns the calls of one of ms that the traced value reaches.
func sendsThrough(flow *ssaflow.Flow, ms httpapi.Callees) []ssa.CallInstruction {
	var calls []ssa.CallInstruction
	for _, h := range flow.HandOffs {
		if call, ok := h.Instr.(ssa.CallInstruction); ok && h.Kind == ssaflow.Call && ms.Matches(callee.Func(call.Common())) {
			calls = append(calls, call)
		}
	}
	return calls
}

// held returns the values of the flows as a set.
func held(flows ...*ssaflow.Flow) map[ssa.Value]bool {
	set := make(map[ssa.Value]bool)
	for _, f := range flows {
		for _, v := range f.Values {
			set[v] = true
		}
	}
	return set
}
