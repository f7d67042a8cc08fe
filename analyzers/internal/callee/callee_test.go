package callee_test

import (
	"go/types"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssatest"
	"golang.org/x/tools/go/ssa"
)

const src = `package p

import (
	"io"
	"net/http"
)

type wrapped struct{ *http.Client }

func id[T any](x T) T { return x }

func calls(c *http.Client, w wrapped, req *http.Request, f func()) {
	resp, _ := c.Do(req)   // static method
	resp.Body.Close()      // interface method, resolves to io.Closer.Close
	w.Do(req)              // promoted through embedding
	http.Get("")           // package function
	id(c)                  // generic instance
	f()                    // function value
	var rc io.ReadCloser
	rc.Close()
	_ = len("")            // builtin
}
`

func TestFunc(t *testing.T) {
	t.Parallel()
	ssapkg := ssatest.Build(t, src)
	var fromSSA []*types.Func
	var bodies []*ssa.Function
	for _, b := range ssapkg.Func("calls").Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				fromSSA = append(fromSSA, callee.Func(call.Common()))
				bodies = append(bodies, callee.Body(call.Common()))
			}
		}
	}

	check := func(what string, got []*types.Func) {
		t.Helper()
		want := []func(*types.Func) bool{
			httpapi.ClientDo.Matches,
			httpapi.CloserClose.Matches,
			httpapi.ClientDo.Matches,
			httpapi.Get.Matches,
			func(fn *types.Func) bool { return fn != nil && fn.Name() == "id" && fn.Origin() == fn },
			func(fn *types.Func) bool { return fn == nil },
			httpapi.CloserClose.Matches,
		}
		if len(got) < len(want) {
			t.Fatalf("%s: %d calls, want at least %d", what, len(got), len(want))
		}
		for i, ok := range want {
			if !ok(got[i]) {
				t.Errorf("%s: call %d resolved to %v", what, i, got[i])
			}
		}
	}
	check("ssa", fromSSA)

	if bodies[0] != nil {
		t.Error("Body of (*http.Client).Do is not nil: other packages have no bodies here")
	}
	if bodies[4] == nil || bodies[4] != ssapkg.Func("id") {
		t.Errorf("Body of id[*http.Client] = %v, want the generic origin", bodies[4])
	}
}

func TestExported(t *testing.T) {
	t.Parallel()
	const src = `package p

type T struct{}
type t struct{}

func F()          {}
func f()          {}
func (T) M()      {}
func (*T) P()     {}
func (T) m()      {}
func (t) M2()     {}
`
	pkg := ssatest.Build(t, src).Pkg
	want := map[string]bool{"F": true, "f": false, "M": true, "P": true, "m": false, "M2": false}
	scope := pkg.Scope()
	funcs := map[string]*types.Func{}
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			funcs[name] = obj
		case *types.TypeName:
			named := obj.Type().(*types.Named)
			for m := range named.Methods() {
				funcs[m.Name()] = m
			}
		}
	}
	for name, w := range want {
		fn := funcs[name]
		if fn == nil {
			t.Fatalf("no function %s", name)
		}
		if got := callee.Exported(fn); got != w {
			t.Errorf("Exported(%s) = %v, want %v", name, got, w)
		}
	}
}
