package ssaflow_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssatest"
	"golang.org/x/tools/go/ssa"
)

// TestAlwaysTrue judges the store into S.On in function f of each case,
// with a backtracer through the package's calls and without one.
func TestAlwaysTrue(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		src        string
		want, bare bool // with the backtracer, without
	}{
		{"a literal", `func f() *S { return &S{On: true} }`, true, true},
		{"a store on every path", `func f(c bool) *S { s := &S{}; if c { s.N = 1 }; s.On = true; return s }`, true, true},
		{"a store under a condition", `func f(c bool) *S { s := &S{}; if c { s.On = true }; return s }`, false, false},
		{"made under the condition", `func f(c bool) *S { if c { return &S{On: true} }; return nil }`, true, true},
		{"false", `func f() *S { return &S{On: false} }`, false, false},
		{"a parameter every call gives true", `func f(on bool) *S { return &S{On: on} }
			func g() *S { return f(true) }`, true, false},
		{"a parameter a call gives false", `func f(on bool) *S { return &S{On: on} }
			func g() *S { return f(true) }
			func h() *S { return f(false) }`, false, false},
		{"an exported function's parameter", `func F(on bool) *S { return &S{On: on} }
			func f() *S { return F(true) }`, false, false},
		{"a configuration's field", `type C struct{ Off bool }
			func f(c *C) *S { return &S{On: c.Off} }`, false, false},
		{"set by a caller of the constructor", `func New() *S { return &S{} }
			func f() *S { s := New(); s.On = true; return s }`, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := ssatest.Build(t, "package p\ntype S struct{ On bool; N int }\n"+tc.src)
			x := ssaflow.NewIndex(pkg)
			var st *ssa.Store
			var root ssa.Value // the allocation of an S
			for _, fn := range x.Funcs {
				for _, b := range fn.Blocks {
					for _, instr := range b.Instrs {
						if a, ok := instr.(*ssa.Alloc); ok && root == nil && a.Heap {
							root = a
						}
						if fn.Name() != "f" && fn.Name() != "F" {
							continue
						}
						if s, ok := instr.(*ssa.Store); ok {
							if fa, ok := s.Addr.(*ssa.FieldAddr); ok && fa.Field == 0 {
								st = s
							}
						}
					}
				}
			}
			if st == nil {
				t.Fatal("no store into S.On")
			}
			if got := ssaflow.AlwaysTrue(&ssaflow.Backtracer{Index: x}, root, st); got != tc.want {
				t.Errorf("AlwaysTrue = %v, want %v", got, tc.want)
			}
			if got := ssaflow.AlwaysTrue(nil, root, st); got != tc.bare {
				t.Errorf("AlwaysTrue without a backtracer = %v, want %v", got, tc.bare)
			}
		})
	}
}
