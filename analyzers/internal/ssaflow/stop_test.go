package ssaflow_test

import (
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

func TestStopAndUsedAsValue(t *testing.T) {
	t.Parallel()
	pkg := build(t, `
		type H struct{ t *T; u *T }
		func (h *H) root() { h.t = &T{}; h.u = h.t }
		func (h *H) use() { h.u.F = 1 }
		func called() {}
		func passed() {}
		func calls() func() { called(); return passed }`)
	x := ssaflow.NewIndex(pkg)
	root := firstAlloc(t, pkg.Func("root"), x)
	tr := &ssaflow.Tracer{Index: x, Fields: true, Stop: func(f *types.Var) bool { return f.Name() == "t" }}
	flow := tr.Trace(root)
	if len(flow.HandOffs) != 1 || flow.HandOffs[0].Kind != ssaflow.Store {
		t.Errorf("hand-offs = %v, want one store into the stopped field", flow.HandOffs)
	}
	for _, v := range flow.Values {
		if _, ok := v.(*ssa.FieldAddr); ok {
			t.Errorf("followed the stopped field: %v", v)
		}
	}
	if x.UsedAsValue(pkg.Func("called")) || !x.UsedAsValue(pkg.Func("passed")) {
		t.Error("UsedAsValue: want passed only")
	}
}
