package postretry

import (
	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// sources returns the values that v may come from (see
// [ssaflow.Backtracer]), also through requests derived with WithContext or
// Clone.
func (s *state) sources(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, src := range s.back.Sources(v).Sources {
		out = append(out, src.Value)
	}
	return out
}

func isAllocOf(v ssa.Value, t httpapi.Type) bool {
	a, ok := v.(*ssa.Alloc)
	return ok && t.MatchesPtr(a.Type())
}

func isCallOf(v ssa.Value, m httpapi.Callee) bool {
	call, ok := v.(*ssa.Call)
	return ok && m.Matches(callee.Func(&call.Call))
}

// local is a tracer that treats struct fields as hand-offs: a request or a
// function stored in a struct may be used by code the package cannot see.
func (s *state) local() *ssaflow.Tracer {
	return &ssaflow.Tracer{Index: s.index}
}
