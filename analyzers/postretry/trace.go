package postretry

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpflow"
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

// local is a tracer that treats struct fields as hand-offs: a request or a
// function stored in a struct may be used by code the package cannot see.
func (s *state) local() *ssaflow.Tracer {
	return &ssaflow.Tracer{Index: s.index}
}

// viaExported resolves a request that comes from a parameter of an
// exported function (a package helper that sends what it is given)
// through the package's own calls of it, and returns it with those
// functions; nil when the request crosses no such parameter. Callers
// outside the package are not seen, but the package's own requests go
// out through the helper all the same.
func (s *state) viaExported(v ssa.Value) (*request, []*ssa.Function) {
	back := &ssaflow.Backtracer{Index: s.index, Fields: true, Through: httpflow.Derived,
		CallersSeen: func(fn *ssa.Function) bool { return !s.index.MayHaveUnseenCallers(fn) || exportedFunc(s.index, fn) }}
	origins := back.Sources(v)
	var crossed []*ssa.Function
	for _, w := range origins.Values {
		if p, ok := w.(*ssa.Parameter); ok && exportedFunc(s.index, p.Parent()) && !slices.Contains(crossed, p.Parent()) {
			crossed = append(crossed, p.Parent())
		}
	}
	if len(crossed) == 0 {
		return nil, nil
	}
	return s.requestFrom(back, origins), crossed
}

// exportedFunc reports whether fn is an exported function (not a method,
// which an interface may call) of the package that it calls itself and
// never uses as a value.
func exportedFunc(x *ssaflow.Index, fn *ssa.Function) bool {
	obj := fn.Object()
	return fn.Parent() == nil && fn.Signature.Recv() == nil && obj != nil && obj.Exported() &&
		!x.UsedAsValue(fn) && len(x.Callers(fn)) > 0
}

// callsRetried reports whether every call of each function in the
// package is retried.
func (s *state) callsRetried(fns []*ssa.Function) bool {
	for _, fn := range fns {
		for _, call := range s.index.Callers(fn) {
			if !s.ignored(call, fn) && !s.isRetried(call) {
				return false
			}
		}
	}
	return true
}
