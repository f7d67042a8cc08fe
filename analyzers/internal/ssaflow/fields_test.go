package ssaflow_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Each case is a function f(o O, p *O, b bool) whose body ends with
// `if <cond> { return true }`; want is the parameter and field that the condition
// reads, or "" when it is not one that keeps its value.
func TestParamField(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body, want string
		field            int
	}{
		{"bool parameter", `if b { return true }`, "b", -1},
		{"field of a struct", `if o.Raw { return true }`, "o", 1},
		{"field of a spilled struct", `defer func() { _ = o.URL }(); if o.Raw { return true }`, "o", 1},
		{"spilled struct, field read in a closure", `defer func() { _ = o.Raw }(); if o.Raw { return true }`, "o", 1},
		{"spilled struct, field assigned", `o.Raw = true; if o.Raw { return true }`, "", 0},
		{"spilled struct, field assigned in a closure", `defer func() { o.Raw = false }(); if o.Raw { return true }`, "", 0},
		{"spilled struct, another field assigned", `o.URL = ""; if o.Raw { return true }`, "o", 1},
		{"field through a pointer", `if p.Raw { return true }`, "p", 1},
		{"pointer, field assigned", `p.Raw = b; if p.Raw { return true }`, "", 0},
		{"pointer given away", `keep(p); if p.Raw { return true }`, "", 0},
		{"local", `x := b && o.URL != ""; if x { return true }`, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, `type O struct { URL string; Raw bool }; func keep(*O) {}
				func f(o O, p *O, b bool) bool { `+tc.body+`; return false }`)
			fn := pkg.Func("f")
			var cond ssa.Value
			for _, b := range fn.Blocks {
				if ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
					cond = ifi.Cond
				}
			}
			p, field, ok := ssaflow.ParamField(cond)
			switch {
			case tc.want == "" && ok:
				t.Errorf("ParamField(%v) = %v, %d; want none", cond, p, field)
			case tc.want != "" && (!ok || p.Name() != tc.want || field != tc.field):
				t.Errorf("ParamField(%v) = %v, %d, %v; want %s, %d", cond, p, field, ok, tc.want, tc.field)
			}
		})
	}
}

// Each case calls use with a literal of O (or its address); want is the
// number of values ArgFieldValues finds for Raw, -1 for none known.
func TestArgFieldValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"left zero", `use(O{URL: "u"})`, 0},
		{"set", `use(O{Raw: b})`, 1},
		{"address of a literal", `usePtr(&O{Raw: true})`, 1},
		{"address, left zero", `usePtr(&O{})`, 0},
		{"variable set later", `var o O; o.Raw = b; use(o)`, 1},
		{"variable assigned a zero literal", `o := O{}; o.Raw = b; use(o)`, -1},
		{"address given elsewhere too", `o := &O{}; keep(o); usePtr(o)`, -1},
		{"parameter", `use(q)`, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, `type O struct { URL string; Raw bool }; func keep(*O) {}
				func use(O) {}; func usePtr(*O) {}
				func f(q O, b bool) { `+tc.body+` }`)
			var call ssa.CallInstruction
			for _, b := range pkg.Func("f").Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(ssa.CallInstruction); ok {
						if fn := c.Common().StaticCallee(); fn != nil && (fn.Name() == "use" || fn.Name() == "usePtr") {
							call = c
						}
					}
				}
			}
			vals, ok := ssaflow.ArgFieldValues(call, call.Common().Args[0], 1)
			got := len(vals)
			if !ok {
				got = -1
			}
			if got != tc.want {
				t.Errorf("ArgFieldValues: %d values (%v, %v), want %d", got, vals, ok, tc.want)
			}
		})
	}
}
