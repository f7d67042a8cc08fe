package ssaflow_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Each case is a package p whose function root calls sink once; the test
// walks sink's argument back and lists its sources: a constant's value, or
// the kind (with a parameter's name).
var sourceCases = []struct {
	name    string
	src     string
	fields  bool
	stop    bool // Stop at calls of mark; the sources are then mark's arguments, in context
	run     bool // within one run of sink's caller
	sources string
}{
	{
		name:    "argument of the package's call",
		src:     `func root() { f(1) }; func f(x int) { sink(x) }`,
		sources: "1",
	},
	{
		name:    "run: a parameter",
		src:     `func root() { f(1) }; func f(x int) { sink(x) }`,
		run:     true,
		sources: "param x",
	},
	{
		name:    "run: a helper's result",
		src:     `func root(n int) { sink(mk(n)) }; func mk(n int) *int { p := new(int); *p = n; return p }`,
		run:     true,
		sources: "made",
	},
	{
		name:    "run: a helper's parameter bound by the call",
		src:     `func root() { sink(id(2)) }; func id(n int) int { return n }`,
		run:     true,
		sources: "2",
	},
	{
		name:    "run: a free variable",
		src:     `func root() { x := 1; f := func() { sink(x) }; f() }`,
		run:     true,
		sources: "load",
	},
	{
		name:    "a free variable",
		src:     `func root() { x := 1; f := func() { sink(x) }; f() }`,
		sources: "1",
	},
	{
		name:    "phi",
		src:     `func root(c bool) { x := 1; if c { x = 2 }; sink(x) }`,
		sources: "1 2",
	},
	{
		name:    "extract of a tuple result",
		src:     `func root() { x, _ := pair(); sink(x) }; func pair() (int, error) { return 3, nil }`,
		sources: "3",
	},
	{
		name:    "comma-ok type assertion and interface conversion",
		src:     `func root() { var i any = 4; x, _ := i.(int); sink(x) }`,
		sources: "4",
	},
	{
		name:    "free variable",
		src:     `func root() { x := 5; func() { sink(x) }() }`,
		sources: "5",
	},
	{
		name:    "captured variable assigned in a closure",
		src:     `func root() { x := 0; func() { x = 6 }(); sink(x) }`,
		sources: "0 6",
	},
	{
		name:    "variable whose address escapes",
		src:     `func root() { x := 0; take(&x); sink(x) }; func take(*int) {}`,
		sources: "load",
	},
	{
		name:    "field of the package's own type",
		fields:  true,
		src:     `type H struct{ n int }; func (h *H) set() { h.n = 7 }; func (h *H) root() { sink(h.n) }; func lit() H { return H{n: 8} }`,
		sources: "7 8",
	},
	{
		name:    "field of a struct whose address goes nowhere else",
		fields:  true,
		src:     `type H struct{ n int }; func other() { h := H{n: 7}; _ = h.n }; func root() { h := H{n: 8}; sink(h.n) }`,
		sources: "8",
	},
	{
		name:    "field of a struct whose address escapes",
		fields:  true,
		src:     `type H struct{ n int }; func other(h *H) { h.n = 7 }; func root() { h := H{n: 8}; other(&h); sink(h.n) }`,
		sources: "7 8",
	},
	{
		name:    "field of the package's own type, without Fields",
		src:     `type H struct{ n int }; func (h *H) set() { h.n = 7 }; func (h *H) root() { sink(h.n) }`,
		sources: "load",
	},
	{
		name:    "field of a struct value",
		fields:  true,
		src:     `type H struct{ n int }; func root(h H) { sink(h.n) }; func set(h *H) { h.n = 9 }`,
		sources: "9",
	},
	{
		name:    "field of another package's type",
		fields:  true,
		src:     `func root(e *list.Element) { sink(e.Value) }; func set(e *list.Element) { e.Value = 1 }`,
		sources: "load",
	},
	{
		name:    "field of another package's struct held in a variable whose address goes nowhere else",
		fields:  true,
		src:     `func root() { e := list.Element{Value: 19}; sink(e.Value); _ = &e }`,
		sources: "19",
	},
	{
		name:    "global",
		fields:  true,
		src:     `var g int; func init() { g = 10 }; func root() { sink(g) }`,
		sources: "10",
	},
	{
		name:    "parameter of an unexported function with two callers",
		src:     `func root(x int) { sink(x) }; func a() { root(11) }; func b() { root(12) }`,
		sources: "11 12",
	},
	{
		name:    "parameter of an exported function",
		src:     `func root(x int) { sink(x) }; func Root(y int) { root(y) }`,
		sources: "param y",
	},
	{
		name:    "parameter of a function never called",
		src:     `func root(x int) { sink(x) }`,
		sources: "param x",
	},
	{
		name:    "result of another package's function",
		src:     `func root() { sink(fmt.Sprint()) }`,
		sources: "result",
	},
	{
		name:    "result of the package's function, its parameter bound to the call",
		src:     `func root() { sink(id(13)) }; func other() { id(14) }; func id(x int) int { return x }`,
		sources: "13",
	},
	{
		name:    "recursion",
		src:     `func root() { sink(loop(15)) }; func loop(x int) int { if x > 0 { return loop(x - 1) }; return x }`,
		sources: "15 made",
	},
	{
		name:    "recursion through a parameter",
		src:     `func root(x int) { sink(x); root(x) }; func a() { root(16) }`,
		sources: "16",
	},
	{
		name:    "stopped value, its operand in context",
		stop:    true,
		src:     `func root() { sink(wrap(17)) }; func other() { wrap(18) }; func wrap(n int) int { return mark(n) }; func mark(n int) int { return n }`,
		sources: "17",
	},
}

func TestSources(t *testing.T) {
	t.Parallel()
	for _, tc := range sourceCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, "func sink(any) {}\n"+tc.src)
			x := ssaflow.NewIndex(pkg)
			b := &ssaflow.Backtracer{Index: x, Fields: tc.fields, Run: tc.run}
			if tc.stop {
				b.Stop = func(v ssa.Value) bool { return calls(v, "mark") }
			}
			o := b.Sources(sinkArg(t, x))
			var got []string
			for _, src := range o.Sources {
				if tc.stop {
					arg := src.Value.(*ssa.Call).Call.Args[0]
					for _, s := range b.SourcesAt(src, arg).Sources {
						got = append(got, describe(s))
					}
					continue
				}
				got = append(got, describe(src))
			}
			slices.Sort(got)
			if s := strings.Join(got, " "); s != tc.sources {
				t.Errorf("sources = %q, want %q", s, tc.sources)
			}
			if again := b.Sources(sinkArg(t, x)); again != o {
				t.Error("Sources is not memoised")
			}
		})
	}
}

func TestDynamicType(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"one type, nil on another branch", `func root(c bool) { sink(make_(c)) }; func make_(c bool) I { if c { return nil }; return &S{} }`, "*p.S"},
		{"two types", `func root(c bool) { var i I = &S{}; if c { i = U{} }; sink(i) }`, ""},
		{"only nil", `func root() { var i I; sink(i) }`, ""},
		{"a parameter", `func Root(i I) { sink(i) }`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, "func sink(I) {}\ntype I interface{ M() }\ntype S struct{}\nfunc (*S) M() {}\ntype U struct{}\nfunc (U) M() {}\n"+tc.src)
			x := ssaflow.NewIndex(pkg)
			b := &ssaflow.Backtracer{Index: x}
			typ, ok := b.DynamicType(sinkArg(t, x))
			got := ""
			if ok {
				got = typ.String()
			}
			if got != tc.want {
				t.Errorf("DynamicType = %q, want %q", got, tc.want)
			}
		})
	}
}

func describe(s ssaflow.Source) string {
	switch v := s.Value.(type) {
	case *ssa.Const:
		return v.Value.String()
	case *ssa.Parameter:
		return s.Kind.String() + " " + v.Name()
	}
	return s.Kind.String()
}

func calls(v ssa.Value, name string) bool {
	call, ok := v.(*ssa.Call)
	return ok && call.Call.StaticCallee() != nil && call.Call.StaticCallee().Name() == name
}

// sinkArg returns the argument of the call of sink, without the interface
// conversion.
func sinkArg(t *testing.T, x *ssaflow.Index) ssa.Value {
	t.Helper()
	for _, fn := range x.Funcs {
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				if call, ok := instr.(*ssa.Call); ok && calls(call, "sink") {
					if mi, ok := call.Call.Args[0].(*ssa.MakeInterface); ok {
						return mi.X
					}
					return call.Call.Args[0]
				}
			}
		}
	}
	t.Fatal("no call of sink")
	return nil
}

func TestVariable(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func root() { x := 1; func() { func() { x = 2 }() }(); sink(x) }; func sink(int) {}`)
	x := ssaflow.NewIndex(pkg)
	var load *ssa.UnOp
	for _, blk := range pkg.Func("root").Blocks {
		for _, instr := range blk.Instrs {
			if u, ok := instr.(*ssa.UnOp); ok {
				load = u
			}
		}
	}
	allocs, stored, ok := x.Variable(load.X)
	if !ok || len(allocs) != 1 || len(stored) != 2 {
		t.Errorf("Variable = %v, %v, %v; want one variable, two stores", allocs, stored, ok)
	}
	inner := pkg.Func("root").AnonFuncs[0].AnonFuncs[0]
	if allocs, _, ok := x.Variable(inner.FreeVars[0]); !ok || len(allocs) != 1 || allocs[0] != load.X {
		t.Errorf("Variable(inner free variable) = %v, %v; want root's variable", allocs, ok)
	}
	if _, _, ok := x.Variable(pkg.Func("root")); ok {
		t.Error("Variable accepts a non-address")
	}
}

// TestStructCopies finds the composite literal's temporary that SSA copies
// into a variable whose address is taken.
func TestStructCopies(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type lit struct{ a, b int }
func root() { x := lit{a: 1}; y := lit{}; y = x; sinkT(&y) }
func sinkT(*lit) {}`)
	var allocs []*ssa.Alloc
	for _, blk := range pkg.Func("root").Blocks {
		for _, instr := range blk.Instrs {
			if a, ok := instr.(*ssa.Alloc); ok && a.Heap {
				allocs = append(allocs, a)
			}
		}
	}
	if len(allocs) != 1 {
		t.Fatalf("heap allocations %v, want y's", allocs)
	}
	copies := ssaflow.StructCopies(allocs[0])
	stores := 0
	for _, c := range copies {
		for _, ref := range *c.Referrers() {
			if fa, ok := ref.(*ssa.FieldAddr); ok && fa.Field == 0 {
				for _, use := range *fa.Referrers() {
					if _, ok := use.(*ssa.Store); ok {
						stores++
					}
				}
			}
		}
	}
	if copies[0] != allocs[0] || stores != 1 {
		t.Errorf("StructCopies(y) = %v with %d stores of field a, want y first and x's literal's store", copies, stores)
	}
}

// TestCopiedFromElsewhere tells a variable assigned the zero value or a
// literal from one assigned a copy of a struct the package reaches
// through a pointer.
func TestCopiedFromElsewhere(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type lit struct{ a int }
func zero() { y := lit{}; sinkT(&y) }
func literal() { y := lit{a: 1}; sinkT(&y) }
func copied(p *lit) { y := *p; sinkT(&y) }
func sinkT(*lit) {}`)
	for name, want := range map[string]bool{"zero": false, "literal": false, "copied": true} {
		var heap *ssa.Alloc
		for _, blk := range pkg.Func(name).Blocks {
			for _, instr := range blk.Instrs {
				if a, ok := instr.(*ssa.Alloc); ok && a.Heap {
					heap = a
				}
			}
		}
		if heap == nil {
			t.Fatalf("%s: no heap allocation", name)
		}
		if got := ssaflow.CopiedFromElsewhere(ssaflow.StructCopies(heap)); got != want {
			t.Errorf("%s: CopiedFromElsewhere = %v, want %v", name, got, want)
		}
	}
}

// TestSourcesVia binds parameters to the arguments of the calls given,
// innermost first.
func TestSourcesVia(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func root() { mid(1); mid(2) }
func mid(x int) { leaf(x) }
func leaf(y int) { sinkInt(y) }
func sinkInt(int) {}`)
	x := ssaflow.NewIndex(pkg)
	b := &ssaflow.Backtracer{Index: x}
	calls := func(fn string) []*ssa.Call {
		var out []*ssa.Call
		for _, blk := range pkg.Func(fn).Blocks {
			for _, instr := range blk.Instrs {
				if c, ok := instr.(*ssa.Call); ok {
					out = append(out, c)
				}
			}
		}
		return out
	}
	y := pkg.Func("leaf").Params[0]
	consts := func(o *ssaflow.Origins) string {
		var out []string
		for _, s := range o.Sources {
			out = append(out, s.Value.Name())
		}
		slices.Sort(out)
		return strings.Join(out, " ")
	}
	if got := consts(b.SourcesVia(nil, y)); got != "1:int 2:int" {
		t.Errorf("SourcesVia(none) = %s, want both arguments", got)
	}
	if got := consts(b.SourcesVia([]*ssa.Call{calls("mid")[0], calls("root")[1]}, y)); got != "2:int" {
		t.Errorf("SourcesVia(mid's call, root's second) = %s, want 2:int", got)
	}
	if got := consts(b.SourcesVia([]*ssa.Call{calls("mid")[0]}, y)); got != "1:int 2:int" {
		t.Errorf("SourcesVia(mid's call) = %s, want both arguments of mid", got)
	}
}

// LastStores reads a returned field load back to the stores that
// precede it on every path in its function; the stored values are named
// after parameters.
func TestLastStores(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type S struct{ f *int; s *S }
		func other(*S) {}
		func one(x *S, a, b *int) *int { x.s.f = b; x.s.f = a; return x.s.f }
		func both(x *S, a, b *int, c bool) *int { if c { x.s.f = a } else { x.s.f = b }; return x.s.f }
		func some(x *S, a *int, c bool) *int { if c { x.s.f = a }; return x.s.f }
		func swapped(x, y *S, a *int) *int { x.s.f = a; x.s = y; return x.s.f }
		func called(x *S, a *int) *int { x.s.f = a; other(x); return x.s.f }
		func elsewhere(x *S, a *int) *int { x.s.f = a; y := x.s; return y.f }
		func filled(x *S, a *int) *int { if x.s.f == nil { x.s.f = a }; return x.s.f }
		func kept(x *S, a, b *int) *int { if x.s.f != nil { a = b } else { x.s.f = a }; return x.s.f }
		func callAfter(x *S, a *int) *int { if x.s.f == nil { x.s.f = a }; other(x); return x.s.f }
		func otherField(x *S, a *int) *int { if x.s.s == nil { x.s.f = a }; return x.s.f }
		func nilOnly(x *S, a *int) *int { if x.s.f == nil { other(nil) } else { x.s.f = a }; return x.s.f }`)
	b := &ssaflow.Backtracer{Index: ssaflow.NewIndex(pkg)}
	for name, want := range map[string]string{
		"one": "a", "both": "a b", "some": "", "swapped": "", "called": "", "elsewhere": "a",
		// A path that stores nothing keeps what the nil test read.
		"filled": "a tested", "kept": "a tested", "callAfter": "", "otherField": "", "nilOnly": "",
	} {
		fn := pkg.Func(name)
		var load *ssa.UnOp
		for _, blk := range fn.Blocks {
			if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
				load = ret.Results[0].(*ssa.UnOp)
			}
		}
		stores, tested, ok := b.LastStores(load)
		var got []string
		for _, st := range stores {
			got = append(got, st.Val.Name())
		}
		for range tested {
			got = append(got, "tested")
		}
		slices.Sort(got)
		if strings.Join(got, " ") != want || ok != (want != "") {
			t.Errorf("%s: %v %v, want %q", name, got, ok, want)
		}
	}
}

// With Instances, a field load of a parameter reads the stores into the
// allocations passed to it, not every store of the field.
func TestInstances(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type S struct{ f *int }
		func inst(x *S) *int { return x.f }
		func caller1(a *int) { inst(&S{f: a}) }
		func caller2(b *int) { s := &S{}; s.f = b; inst(s) }
		func elsewhere(z *S, c *int) { z.f = c }`)
	var load ssa.Value
	for _, blk := range pkg.Func("inst").Blocks {
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok {
			load = ret.Results[0]
		}
	}
	all := func(*ssa.Function) bool { return true }
	for _, r := range []struct {
		b    *ssaflow.Backtracer
		want string
	}{
		{&ssaflow.Backtracer{Index: ssaflow.NewIndex(pkg), Instances: true, CallersSeen: all}, "a b"},
		{&ssaflow.Backtracer{Index: ssaflow.NewIndex(pkg), Fields: true, CallersSeen: all}, "a b c"},
	} {
		var got []string
		for _, src := range r.b.Sources(load).Sources {
			got = append(got, src.Value.Name())
		}
		slices.Sort(got)
		if strings.Join(got, " ") != r.want {
			t.Errorf("Instances %v: %v, want %q", r.b.Instances, got, r.want)
		}
	}
}
