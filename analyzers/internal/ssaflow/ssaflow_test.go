package ssaflow_test

import (
	"go/types"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"github.com/kalint/kalint/analyzers/internal/ssatest"
	"golang.org/x/tools/go/ssa"
)

// Each case is a package p with a type T. The traced root is the first
// allocation of a T in function root. The test reports the constants stored
// into T.F through the values the tracer found, and the kinds of hand-offs.
var cases = []struct {
	name     string
	src      string
	fields   bool
	own      bool   // OwnFields
	hidden   bool   // HiddenFields
	noRets   bool   // Tracer.NoReturns
	local    bool   // Tracer.Local
	stores   string // constants stored into F, sorted
	handOffs string // hand-off kinds, sorted
}{
	{
		name: "phi and branches",
		src: `func root(c bool) { t := &T{}; if c { t = &T{} }; t.F = 1 }
		      func other() { t := &T{}; t.F = 99 }`,
		stores: "1",
	},
	{
		name: "parameter of a helper",
		src: `func root() { t := &T{}; set(t) }
		      func set(t *T) { t.F = 2 }`,
		stores: "2",
	},
	{
		name: "result of an unexported constructor",
		src: `func root() *T { return &T{} }
		      func use() { x := root(); x.F = 3 }`,
		stores: "3",
	},
	{
		name: "result of an exported constructor is also handed off",
		src: `func root() *T { return &T{} }
		      func Root() *T { return root() }
		      func use() { x := Root(); x.F = 3 }`,
		stores:   "3",
		handOffs: "return",
	},
	{
		name:   "result not followed with NoReturns",
		noRets: true,
		src: `func root() *T { t := &T{}; t.F = 3; return t }
		      func use() { x := root(); x.F = 4 }`,
		stores:   "3",
		handOffs: "return",
	},
	{
		name: "tuple result",
		src: `func root() (*T, error) { return &T{}, nil }
		      func use() { x, err := root(); if err != nil { return }; x.F = 4 }`,
		stores: "4",
	},
	{
		name:   "captured by value",
		src:    `func root() { t := &T{}; go func() { t.F = 5 }() }`,
		stores: "5",
	},
	{
		name:   "assigned inside a closure, used outside",
		src:    `func root() { var t *T; func() { t = &T{} }(); t.F = 6 }`,
		stores: "6",
	},
	{
		name:   "struct field, followed",
		fields: true,
		src: `type H struct{ t *T }
		      func (h *H) root() { h.t = &T{} }
		      func (h *H) use() { h.t.F = 7 }`,
		stores: "7",
	},
	{
		name: "struct field, not followed",
		src: `type H struct{ t *T }
		      func (h *H) root() { h.t = &T{} }
		      func (h *H) use() { h.t.F = 7 }`,
		handOffs: "store",
	},
	{
		name:   "another package's struct field, merged",
		fields: true,
		src: `func root() { e := &list.Element{}; e.Value = &T{} }
		      func use(e *list.Element) { e.Value.(*T).F = 16 }`,
		stores: "16",
	},
	{
		name:   "another package's struct field, handed off with OwnFields",
		fields: true, own: true,
		src: `type H struct{ t *T }
		      func root(h *H) { t := &T{}; h.t = t; e := &list.Element{}; e.Value = t }
		      func use(e *list.Element, h *H) { e.Value.(*T).F = 16; h.t.F = 17 }`,
		stores:   "17",
		handOffs: "store",
	},
	{
		name:   "exported field of an exported type, handed off with HiddenFields",
		fields: true, hidden: true,
		src: `type Job struct{ Req *T }
		      type job struct{ Req *T; t *T }
		      type Pub struct{ t *T }
		      func root(a *Job, b *job, c *Pub) { t := &T{}; a.Req = t; b.Req = t; b.t = t; c.t = t }
		      func use(a *Job, b *job, c *Pub) { a.Req.F = 18; b.Req.F = 19; b.t.F = 20; c.t.F = 21 }`,
		stores:   "19 20 21",
		handOffs: "store",
	},
	{
		name:   "global",
		fields: true,
		src: `var g *T
		      func root() { g = &T{} }
		      func use() { g.F = 8 }`,
		stores: "8",
	},
	{
		name:   "interface and type assertion",
		src:    `func root() { var i any = &T{}; if t, ok := i.(*T); ok { t.F = 9 }; i.(*T).F = 10 }`,
		stores: "10 9",
	},
	{
		name: "struct copied by value",
		src: `func root() { v := T{}; w := v; w.F = 11; take(w) }
		      func take(x T) { x.F = 12 }`,
		stores: "11 12",
	},
	{
		name: "generic identity",
		src: `func id[X any](x X) X { return x }
		      func root() { t := id(&T{}); t.F = 13 }`,
		stores: "13",
	},
	{
		name: "recursion terminates",
		src: `func root() { walk(&T{}, 3) }
		      func walk(t *T, n int) { if n > 0 { walk(t, n-1) }; t.F = 14 }`,
		stores: "14",
	},
	{
		name: "hand-offs",
		src: `var m = map[int]*T{}
		      func root(ch chan *T, f func(*T), s []*T) {
		          t := &T{}
		          fmt.Println(t)
		          f(t)
		          m[0] = t
		          ch <- t
		          s = append(s, t)
		          _ = s
		      }`,
		handOffs: "call call store store store",
	},
	{
		name:  "parameter of a helper, Local",
		local: true,
		src: `func root() { t := &T{}; t.F = 1; set(t) }
		      func set(t *T) { t.F = 2 }`,
		stores:   "1",
		handOffs: "call",
	},
	{
		name:  "captured, Local",
		local: true,
		src:   `func root() { t := &T{}; go func() { t.F = 5 }() }`,
		// The closure is handed off where it is made.
		handOffs: "call",
	},
	{
		name:  "returned, Local",
		local: true,
		src: `func root() *T { return &T{} }
		      func use() { x := root(); x.F = 3 }`,
		handOffs: "return",
	},
	{
		name:  "variable captured, Local",
		local: true,
		src:   `func root() { t := &T{}; func() { t.F = 6; t = nil }(); t.F = 7 }`,
		// Its address is captured: handed off; the load after the call is
		// followed.
		stores:   "7",
		handOffs: "call",
	},
	{
		name: "a helper returning its parameter gives it back to the call it came from",
		src: `func root() { t := wrap(&T{}); t.F = 5 }
		      func other() { u := wrap(&T{}); u.F = 99 }
		      func wrap(t *T) *T { t.F = 6; return t }`,
		stores: "5 6",
	},
	{
		name: "converted on the way back",
		src: `type I interface{ M() }
		      func (*T) M() {}
		      func root() { i := wrap(&T{}); i.(*T).F = 5 }
		      func other() { j := wrap(&T{}); j.(*T).F = 99 }
		      func wrap(t *T) I { return I(t) }`,
		stores: "5",
	},
	{
		name: "a returned parameter entered through two calls gives it back to both",
		src: `func root() { t := &T{}; a := wrap(t); b := wrap(a); b.F = 7 }
		      func other() { u := wrap(&T{}); u.F = 99 }
		      func wrap(t *T) *T { return t }`,
		stores: "7",
	},
	{
		name:     "address of the variable handed off",
		src:      `func root() { t := &T{}; fmt.Sscan("", &t); t.F = 15 }`,
		stores:   "15",
		handOffs: "call",
	},
}

func TestTrace(t *testing.T) {
	t.Parallel()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, tc.src)
			x := ssaflow.NewIndex(pkg)
			root := firstAlloc(t, pkg.Func("root"), x)
			flow := (&ssaflow.Tracer{Index: x, Fields: tc.fields, OwnFields: tc.own, HiddenFields: tc.hidden, NoReturns: tc.noRets, Local: tc.local}).Trace(root)

			var stores []string
			for _, v := range flow.Values {
				for _, ref := range *referrers(v) {
					fa, ok := ref.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					for _, use := range *fa.Referrers() {
						if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
							if c, ok := st.Val.(*ssa.Const); ok {
								stores = append(stores, strconv.FormatInt(c.Int64(), 10))
							}
						}
					}
				}
			}
			slices.Sort(stores)
			if got := strings.Join(stores, " "); got != tc.stores {
				t.Errorf("stores reached = %q, want %q", got, tc.stores)
			}
			if got := handOffKinds(flow); got != tc.handOffs {
				t.Errorf("hand-offs = %q, want %q", got, tc.handOffs)
			}
		})
	}
}

func TestIndexFuncs(t *testing.T) {
	t.Parallel()
	pkg := build(t, `
		type G[X any] struct{ x X }
		func (g *G[X]) Get() X { return g.x }
		func init() {}
		func init() { func() {}() }
		func plain() {}`)
	x := ssaflow.NewIndex(pkg)
	var names []string
	for _, fn := range x.Funcs {
		names = append(names, fn.Name())
	}
	slices.Sort(names)
	want := "Get init init#1 init#2 init#2$1 plain"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("Funcs = %s, want %s", got, want)
	}
}

func TestMayHaveUnseenCallers(t *testing.T) {
	t.Parallel()
	pkg := build(t, `
		func Exported() {}
		func unexported() {}
		func asValue() {}
		type S struct{}
		func (S) method() {}
		func run(f func()) { f() }
		func use() { unexported(); run(asValue); func() {}() }`)
	x := ssaflow.NewIndex(pkg)
	for name, want := range map[string]bool{"Exported": true, "unexported": false, "asValue": true, "use": false} {
		if got := x.MayHaveUnseenCallers(pkg.Func(name)); got != want {
			t.Errorf("MayHaveUnseenCallers(%s) = %v, want %v", name, got, want)
		}
	}
	use := pkg.Func("use")
	if got := x.MayHaveUnseenCallers(use.AnonFuncs[0]); got {
		t.Error("an immediately called closure has unseen callers")
	}
	for name, want := range map[string]bool{"Exported": false, "unexported": false, "asValue": true} {
		if got := x.UsedAsValue(pkg.Func(name)); got != want {
			t.Errorf("UsedAsValue(%s) = %v, want %v", name, got, want)
		}
	}
}

// TestInvokers resolves calls through the package's interfaces to the
// package's methods that implement them.
func TestInvokers(t *testing.T) {
	t.Parallel()
	pkg := build(t, `
		type Store interface{ Put(int) error }
		type httpStore struct{}
		func (*httpStore) Put(int) error { return nil }
		type memStore struct{}
		func (memStore) Put(int) error { return nil }
		type other struct{}
		func (other) Put(string) error { return nil }
		func use(s Store, e interface{ Put(int) error }) { s.Put(1); e.Put(2) }`)
	x := ssaflow.NewIndex(pkg)
	method := func(typ string) *ssa.Function {
		tn := pkg.Pkg.Scope().Lookup(typ).(*types.TypeName)
		return x.DeclaredMethod(tn, "Put")
	}
	for typ, want := range map[string]int{"httpStore": 1, "memStore": 1, "other": 0} {
		calls := x.Invokers(method(typ))
		if len(calls) != want {
			t.Errorf("Invokers(%s.Put) = %v, want %d calls", typ, calls, want)
		}
		for _, c := range calls {
			if c.Parent() != pkg.Func("use") || !c.Common().IsInvoke() {
				t.Errorf("Invokers(%s.Put) has %v", typ, c)
			}
		}
	}
}

func build(t *testing.T, src string) *ssa.Package {
	t.Helper()
	return ssatest.Build(t, "package p\nimport (\"container/list\"; \"fmt\")\nvar _, _ = fmt.Sprint, list.New\ntype T struct{ F int }\n"+src)
}

// firstAlloc returns the first allocation of a T in fn or the functions
// nested in it.
func firstAlloc(t *testing.T, fn *ssa.Function, x *ssaflow.Index) ssa.Value {
	t.Helper()
	if fn == nil {
		for _, f := range x.Funcs {
			if f.Name() == "root" {
				fn = f
			}
		}
	}
	if fn == nil {
		t.Fatal("no function root")
	}
	T := x.Pkg.Type("T").Type()
	fns := append([]*ssa.Function{fn}, fn.AnonFuncs...)
	for _, f := range fns {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if a, ok := instr.(*ssa.Alloc); ok && types.Identical(a.Type().(*types.Pointer).Elem(), T) {
					return a
				}
			}
		}
	}
	t.Fatal("no allocation of T in root")
	return nil
}

// handOffKinds returns the kinds of flow's hand-offs, sorted.
func handOffKinds(flow *ssaflow.Flow) string {
	var kinds []string
	for _, h := range flow.HandOffs {
		kinds = append(kinds, h.Kind.String())
	}
	slices.Sort(kinds)
	return strings.Join(kinds, " ")
}

func referrers(v ssa.Value) *[]ssa.Instruction {
	if refs := v.Referrers(); refs != nil {
		return refs
	}
	return new([]ssa.Instruction)
}

func TestClosureCalls(t *testing.T) {
	t.Parallel()
	pkg := ssatest.Build(t, `package p
		type Op func() error
		func retry(o Op) error { return o() }
		func each(f func() error) error { return f() }
		func root() {
			n := 0
			_ = retry(func() error { n++; return nil })
			_ = each(func() error { n++; return nil })
			f := func() error { n++; return nil }
			_ = f()
			_ = retry(attempt(&n))
		}
		func attempt(n *int) Op { return func() error { *n++; return nil } }`)
	x := ssaflow.NewIndex(pkg)
	root := pkg.Func("root")
	var got []string
	for _, anon := range root.AnonFuncs {
		var callees []string
		for _, call := range x.ClosureCalls(anon) {
			if v := call.Common().Value; v.Parent() == root {
				callees = append(callees, "called")
			} else {
				callees = append(callees, v.Name())
			}
		}
		got = append(got, anon.Name()+":"+strings.Join(callees, ","))
	}
	if want := "root$1:retry root$2:each root$3:called"; strings.Join(got, " ") != want {
		t.Errorf("ClosureCalls = %q, want %q", strings.Join(got, " "), want)
	}
	attempt := pkg.Func("attempt").AnonFuncs[0]
	if calls := x.ClosureCalls(attempt); len(calls) != 1 || calls[0].Parent() != root {
		t.Errorf("ClosureCalls(attempt$1) = %v, want retry's call in root", calls)
	}
	if calls := x.ClosureCalls(root); calls != nil {
		t.Errorf("ClosureCalls(root) = %v, want none", calls)
	}
}

func TestNeverFilled(t *testing.T) {
	t.Parallel()
	pkg := ssatest.Build(t, `package p
		type opt func(*int)
		func make1(opts ...opt) int { n := 0; for _, o := range opts { o(&n) }; return n }
		func New(opts ...opt) int { return make1(opts...) }
		func user() int { return New() }
		func filled(opts ...opt) int { return len(opts) }
		func fills() int { return filled(func(*int) {}) }
		func uncalled(opts ...opt) int { return len(opts) }
		func plain(n int) int { return n }
		func usePlain() int { return plain(1) }`)
	x := ssaflow.NewIndex(pkg)
	last := func(name string) *ssa.Parameter {
		fn := pkg.Func(name)
		return fn.Params[len(fn.Params)-1]
	}
	for name, want := range map[string]bool{"make1": true, "New": true, "filled": false, "uncalled": false, "plain": false} {
		if got := x.NeverFilled(last(name)); got != want {
			t.Errorf("NeverFilled(%s) = %v, want %v", name, got, want)
		}
	}
}
