package ssaflow_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
)

func TestUsedAsValue(t *testing.T) {
	t.Parallel()
	pkg := build(t, `
		func called() {}
		func passed() {}
		func calls() func() { called(); return passed }`)
	x := ssaflow.NewIndex(pkg)
	if x.UsedAsValue(pkg.Func("called")) || !x.UsedAsValue(pkg.Func("passed")) {
		t.Error("UsedAsValue: want passed only")
	}
}
