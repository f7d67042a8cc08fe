package ssaflow_test

import (
	"go/types"
	"slices"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Each function stores one new(int) somewhere; Outlives and NilGuarded
// judge that store.
func TestOutlivesNilGuarded(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type H struct{ P *int; In *H }
		var g *int
		var gh H
		func param(h *H) { h.P = new(int) }
		func nested(h *H) { h.In.P = new(int) }
		func global() { g = new(int) }
		func globalField() { gh.P = new(int) }
		func local() { h := &H{}; h.P = new(int); _ = h }
		func returned(f func() *H) { f().P = new(int) }
		func lazy(h *H) { if h.P == nil { h.P = new(int) } }
		func early(h *H) *int { if h.P != nil { return h.P }; h.P = new(int); return h.P }
		func wrongBranch(h *H) { if h.P != nil { h.P = new(int) } }
		func otherField(h *H) { if h.In == nil { h.P = new(int) } }
		func afterCheck(h *H) { if h.P == nil { println() }; h.P = new(int) }`)
	for _, c := range []struct {
		fn              string
		outlives, nilOK bool
	}{
		{"param", true, false},
		{"nested", true, false},
		{"global", true, false},
		{"globalField", true, false},
		{"local", false, false},
		{"returned", false, false},
		{"lazy", true, true},
		{"early", true, true},
		{"wrongBranch", true, false},
		{"otherField", true, false},
		{"afterCheck", true, false},
	} {
		st := storeOfNew(pkg.Func(c.fn))
		if st == nil {
			t.Fatalf("%s: no store of new(int)", c.fn)
		}
		if got := ssaflow.Outlives(st.Addr); got != c.outlives {
			t.Errorf("%s: Outlives = %v, want %v", c.fn, got, c.outlives)
		}
		if got := ssaflow.NilGuarded(st); got != c.nilOK {
			t.Errorf("%s: NilGuarded = %v, want %v", c.fn, got, c.nilOK)
		}
		// The branch that keeps a value found there is the one that
		// skips the store.
		if guard, kept := ssaflow.NilGuard(st); guard != nil && (kept.Dominates(st.Block()) || !slices.Contains(guard.Block().Succs, kept)) {
			t.Errorf("%s: NilGuard's kept branch %s leads to the store", c.fn, kept)
		}
	}
}

// storeOfNew returns the store of a new(int) in fn.
func storeOfNew(fn *ssa.Function) *ssa.Store {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				if a, ok := st.Val.(*ssa.Alloc); ok && a.Heap && a.Comment == "new" {
					return st
				}
			}
		}
	}
	return nil
}

// RunsUnlessFailing holds when only returns of a non-nil error skip the
// marker call a.
func TestRunsUnlessFailing(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func a() {}
		func always() { a() }
		func afterError(err error) error { if err != nil { return err }; a(); return nil }
		func skipped(n int) { if n > 0 { return }; a() }
		func nilReturn(n int) error { if n > 0 { return nil }; a(); return nil }
		func panics(n int) { if n > 0 { panic(n) }; a() }
		func branch(n int) { if n > 0 { a() } }`)
	for fn, want := range map[string]bool{
		"always": true, "afterError": true, "skipped": false, "nilReturn": false, "panics": true, "branch": false,
	} {
		if got := ssaflow.RunsUnlessFailing(markers(pkg.Func(fn))["a"]); got != want {
			t.Errorf("%s: RunsUnlessFailing = %v, want %v", fn, got, want)
		}
	}
}

// FieldStores finds the stores to a field through every selection of it,
// in any function and on any instance.
func TestFieldStores(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type B struct{ buf *int; n int }
		func set(b *B) { b.buf = new(int) }
		func reset(b *B) { b.buf = nil; b.n = 1 }
		func lit() *B { return &B{buf: new(int)} }
		func read(b *B) *int { return b.buf }`)
	x := ssaflow.NewIndex(pkg)
	B := pkg.Type("B").Type().Underlying().(*types.Struct)
	var fns []string
	for _, st := range x.FieldStores(B.Field(0)) {
		fns = append(fns, st.Parent().Name())
	}
	slices.Sort(fns)
	if want := []string{"lit", "reset", "set"}; !slices.Equal(fns, want) {
		t.Errorf("FieldStores(buf) are in %v, want %v", fns, want)
	}
}
