package syntax_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/kalint/kalint/analyzers/internal/syntax"
)

const src = `package p

type config struct{ Off, On, Quiet, Never bool; N int }

var global bool

func boolVar(p *bool) {}

func two() (bool, bool) { return true, true }

func New(off bool) *config {
	c := &config{Off: off, N: 1}
	c.On = true
	boolVar(&c.N2().On)
	return c
}

func (c *config) N2() *config { return c }

func set() {
	global, _ = two()
	cs := []*config{{Off: false, Quiet: false}}
	m := map[bool]int{global: 1}
	_, _ = cs, m
}

var defaults = config{On: false}
`

// TestWrites lists the writes to each of config's fields and to global,
// as "function:value" ("-" for no function, "?" for an unknown value).
func TestWrites(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	st := pkg.Scope().Lookup("config").Type().Underlying().(*types.Struct)
	field := func(name string) *types.Var {
		for i := range st.NumFields() {
			if st.Field(i).Name() == name {
				return st.Field(i)
			}
		}
		t.Fatalf("no field %s", name)
		return nil
	}
	for _, tc := range []struct {
		v    *types.Var
		want string
	}{
		{field("Off"), "New:off set:false"},
		{field("On"), "New:true New:? -:false"},
		{field("N"), "New:1"},
		{pkg.Scope().Lookup("global").(*types.Var), "set:?"},
	} {
		var got []string
		for _, w := range syntax.Writes([]*ast.File{f}, info, tc.v) {
			fn, val := "-", "?"
			if w.Func != nil {
				fn = w.Func.Name.Name
			}
			if w.Value != nil {
				val = types.ExprString(w.Value)
			}
			got = append(got, fn+":"+val)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s: %q, want %q", tc.v.Name(), got, tc.want)
		}
	}
	// Only fields that nothing sets, or sets to false, keep their zero value.
	for name, want := range map[string]bool{"Off": false, "On": false, "N": false, "Quiet": true, "Never": true} {
		if got := syntax.OnlyZeroWrites([]*ast.File{f}, info, field(name)); got != want {
			t.Errorf("OnlyZeroWrites(%s) = %v, want %v", name, got, want)
		}
	}
}

// TestStoredValue finds the value written at a store's position: a
// literal key's colon, an assignment's left-hand side; none for a call's
// several results or a position in no write.
func TestStoredValue(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	at := func(text string, offset int) token.Pos {
		i := strings.Index(src, text)
		if i < 0 {
			t.Fatalf("no %q in src", text)
		}
		return f.FileStart + token.Pos(i+offset)
	}
	for _, tc := range []struct {
		pos  token.Pos
		want string
	}{
		{at("Off: off", 3), "off"},            // the colon
		{at("c.On = true", 2), "true"},        // the selector
		{at("global, _ = two()", 0), "<nil>"}, // several results
		{at("return c\n", 0), "<nil>"},        // no write
		{at("{Off: false,", 4), "false"},      // an elided literal's key
	} {
		path, _ := astutil.PathEnclosingInterval(f, tc.pos, tc.pos)
		got := "<nil>"
		if e := syntax.StoredValue(path, tc.pos); e != nil {
			got = types.ExprString(e)
		}
		if got != tc.want {
			t.Errorf("at %s: %s, want %s", fset.Position(tc.pos), got, tc.want)
		}
	}
}
