package astfix_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/kalint/kalint/analyzers/internal/astfix"
)

func TestSetField(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ src, want string }{
		{"T{}", "T{K: v}"},
		{"T{A: 1}", "T{A: 1, K: v}"},
		{"T{A: 1, K: 0}", "T{A: 1, K: v}"},
		{"T{\n\t\tA: 1,\n\t}", "T{\n\t\tA: 1,\n\t\tK: v,\n\t}"},
		{"T{A: 1,\n\tB: 2}", "T{A: 1,\n\tB: 2, K: v}"},
	} {
		src := "package p\n\nvar x = " + tc.src + "\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		lit := f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0].(*ast.CompositeLit)
		tf := fset.File(lit.Pos())
		edit, ok := astfix.SetField(tf, []byte(src), lit, "K", "v")
		if !ok {
			t.Errorf("%q: no edit", tc.src)
			continue
		}
		start, end := tf.Offset(edit.Pos), tf.Offset(edit.End)
		got := src[:start] + string(edit.NewText) + src[end:]
		if want := "package p\n\nvar x = " + tc.want + "\n"; got != want {
			t.Errorf("%q: got\n%s\nwant\n%s", tc.src, got, want)
		}
	}
}

func TestSetFieldUnkeyed(t *testing.T) {
	t.Parallel()
	src := "package p\n\nvar x = T{1, 2}\n"
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "p.go", src, 0)
	lit := f.Decls[0].(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0].(*ast.CompositeLit)
	if _, ok := astfix.SetField(fset.File(lit.Pos()), []byte(src), lit, "K", "v"); ok {
		t.Error("edited an unkeyed literal")
	}
}

func TestDuration(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		90 * time.Second:        "90 * time.Second",
		time.Minute:             "time.Minute",
		2 * time.Hour:           "2 * time.Hour",
		1500 * time.Microsecond: "1500 * time.Microsecond",
		3:                       "3 * time.Nanosecond",
	} {
		if got := astfix.Duration(d, "time"); got != want {
			t.Errorf("Duration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestIndent(t *testing.T) {
	t.Parallel()
	src := "package p\n\nfunc f() {\n\tx := 1\n  \t_ = x\n}\n"
	fset := token.NewFileSet()
	tf := fset.AddFile("p.go", -1, len(src))
	tf.SetLinesForContent([]byte(src))
	for _, tc := range []struct{ at, want string }{
		{"package", ""},
		{"x :=", "\t"},
		{"= x", "  \t"},
		{"}\n", ""},
	} {
		pos := tf.Pos(strings.Index(src, tc.at))
		if got := astfix.Indent(tf, []byte(src), pos); got != tc.want {
			t.Errorf("Indent at %q = %q, want %q", tc.at, got, tc.want)
		}
	}
}
