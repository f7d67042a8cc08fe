package report_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssatest"
)

func TestTestCode(t *testing.T) {
	t.Parallel()
	pkg := ssatest.Build(t, `package p
import "testing"
func plain() {}
func helper(t *testing.T) { func() {}() }
func bench(b *testing.B) {}
func fuzz(f *testing.F) {}
func tb(tb testing.TB) {}
func value(t testing.T) {}
`)
	for name, want := range map[string]bool{
		"plain": false, "helper": true, "helper$1": true, "bench": true, "fuzz": true, "tb": true,
		"value": false, // a testing.T by value is not how tests get one
	} {
		fn := pkg.Func(name)
		if name == "helper$1" {
			fn = pkg.Func("helper").AnonFuncs[0]
		}
		if got := report.TestCode(pkg.Prog.Fset, fn, fn.Pos()); got != want {
			t.Errorf("TestCode(%s) = %v, want %v", name, got, want)
		}
	}
}
