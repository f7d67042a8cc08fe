package ssaflow_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssatest"
	"golang.org/x/tools/go/ssa"
)

// TestResultAfter lists what f's first result may be at the returns that
// a path from the call of a reaches: "nil", or "p" for the pointer f
// makes.
func TestResultAfter(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body, want string
	}{
		{"no defer", `p := new(int); if c { a(); return nil }; return p`, "nil"},
		{"explicit return", `defer g(); p := new(int); if c { a(); return nil }; return p`, "nil"},
		{"a store before a", `defer g(); r = new(int); if c { a(); return }; return`, "p"},
		// The path where d is false makes no store: r holds the pointer.
		{"a store on one path only", `defer g(); r = new(int); if c { a(); if d { r = nil }; return }; return`, "nil p"},
		{"stores on every path", `defer g(); r = new(int); if c { a(); if d { r = nil } else { r = nil }; return }; return`, "nil"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := ssatest.Build(t, "package p\nfunc a() {}\nfunc g() {}\nfunc f(c, d bool) (r *int) {\n"+tc.body+"\n}")
			fn := pkg.Func("f")
			var from ssa.Instruction
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(*ssa.Call); ok && callee.Func(c.Common()) != nil && callee.Func(c.Common()).Name() == "a" {
						from = c
					}
				}
			}
			var got []string
			for _, ret := range ssaflow.Returns(fn) {
				if !ssaflow.Reaches(from, ret) {
					continue
				}
				for _, v := range ssaflow.ResultAfter(from, ret, 0) {
					k := "p"
					if ssaflow.IsNil(v) {
						k = "nil"
					}
					got = append(got, k)
				}
			}
			slices.Sort(got)
			if s := strings.Join(slices.Compact(got), " "); s != tc.want {
				t.Errorf("ResultAfter = %q, want %q", s, tc.want)
			}
		})
	}
}
