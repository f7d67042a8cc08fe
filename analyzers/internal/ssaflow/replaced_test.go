package ssaflow_test

import (
	"go/token"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Replaced holds for a returned field load when every path to it replaced
// the field by a fresh value or left it only where it differs from the
// global def, in place or through a call; old holds for loads of def.
func TestReplaced(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type S struct{ f *int; s *S }
		var def = new(int)
		func own(x *S) { if x.f == nil || x.f == def { x.f = new(int) } }
		func nilOnly(x *S) { if x.f == nil { x.f = new(int) } }
		func fresh(x *S) { x.f = new(int) }
		func other(*S) {}
		func viaCall(x *S) *int { own(x); return x.f }
		func deep(x *S) *int { own(x.s); return x.s.f }
		func inPlace(x *S) *int { if x.f != def { return x.f }; x.f = new(int); return x.f }
		func stored(x *S) *int { fresh(x); return x.f }
		func loop(x *S, n int) *int { own(x); for i := 0; i < n; i++ { _ = len(make([]int, i)) }; return x.f }
		func none(x *S) *int { return x.f }
		func notDefault(x *S) *int { nilOnly(x); return x.f }
		func somePaths(x *S, c bool) *int { if c { own(x) }; return x.f }
		func undone(x *S) *int { own(x); x.f = def; return x.f }
		func called(x *S) *int { own(x); other(x); return x.f }
		func swapped(x, y *S) *int { own(x.s); x.s = y; return x.s.f }
		func otherValue(x, y *S) *int { own(y); return x.f }`)
	x := ssaflow.NewIndex(pkg)
	old := func(v ssa.Value) bool {
		load, ok := v.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return false
		}
		g, ok := load.X.(*ssa.Global)
		return ok && g.Name() == "def"
	}
	for name, want := range map[string]bool{
		"viaCall": true, "deep": true, "inPlace": true, "stored": true, "loop": true,
		"none": false, "notDefault": false, "somePaths": false, "undone": false, "called": false,
		"swapped": false, "otherValue": false,
	} {
		for _, blk := range pkg.Func(name).Blocks {
			if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
				if got := x.Replaced(ret.Results[0].(*ssa.UnOp), old); got != want {
					t.Errorf("%s: Replaced = %v, want %v", name, got, want)
				}
			}
		}
	}
}
