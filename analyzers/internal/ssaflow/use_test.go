package ssaflow_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// TestTraceUse traces the first T that root allocates, with label 1, and a
// Use that derives a second value from it: the address of its field F is a
// variable holding a value labelled 2, whose loads the tracer follows. It
// also handles conversions to an interface itself, without following them.
// The test reports the labels of the values found, sorted, and the
// hand-offs.
func TestTraceUse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, labels, handOffs string
	}{
		{"a field derived", `func root() int { t := &T{}; return t.F + t.F }`, "1 2 2", ""},
		{"labels go through copies", `func root(c bool) int { t := &T{}; if c { t = &T{} }; return t.F }`, "1 1 2", "return"},
		{"the field's loads are followed", `func root() { t := &T{}; x := t.F; fmt.Println(x) }`, "1 2 2", "call"},
		{"a handled use is not followed", `func root() { t := &T{}; fmt.Println(t) }`, "1", ""},
		{"no use of the field", `func root() { t := &T{}; var u T; u = *t; _ = u }`, "1 1", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, tc.src)
			x := ssaflow.NewIndex(pkg)
			root := firstAlloc(t, pkg.Func("root"), x)
			use := func(u ssaflow.Use) bool {
				switch instr := u.Instr.(type) {
				case *ssa.FieldAddr:
					if !u.Loc && u.Label == 1 {
						u.AddLoc(instr, 2)
						return true
					}
				case *ssa.MakeInterface:
					return u.Label == 1
				}
				return false
			}
			flow := (&ssaflow.Tracer{Index: x, Local: true, Use: use}).TraceRoots(ssaflow.Root{Value: root, Label: 1})
			var labels []string
			for _, v := range flow.Values {
				labels = append(labels, strconv.Itoa(flow.Labels[v]))
			}
			slices.Sort(labels)
			if got := strings.Join(labels, " "); got != tc.labels {
				t.Errorf("labels %q, want %q", got, tc.labels)
			}
			if got := handOffKinds(flow); got != tc.handOffs {
				t.Errorf("hand-offs %q, want %q", got, tc.handOffs)
			}
		})
	}
}
