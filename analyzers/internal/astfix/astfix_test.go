package astfix

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestImport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		imports  string
		name     string
		wantEdit bool
		ok       bool
	}{
		{``, "io", true, true},
		{`import "io"`, "io", false, true},
		{`import xio "io"`, "xio", false, true},
		{`import _ "io"`, "", false, false},
		{`import (_ "io"; stdio "io")`, "stdio", false, true},
		{`import . "io"`, "", false, false},
		{`import "iox"`, "io", true, true},
	} {
		src := "package p\n" + tc.imports + "\n"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		name, edit, ok := Import(f, "io", "io")
		if name != tc.name || (edit != nil) != tc.wantEdit || ok != tc.ok {
			t.Errorf("%q: got %q, edit %v, %v; want %q, edit %v, %v", tc.imports, name, edit != nil, ok, tc.name, tc.wantEdit, tc.ok)
		}
	}
}
