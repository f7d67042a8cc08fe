package ssapass

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

func TestTrim(t *testing.T) {
	t.Parallel()
	src := `package p

import (
	"io"
	"net/http"
	"strings"
)

type store struct{ data map[string]string }

func (s *store) get(k string) string { return s.data[k] } // trimmed

func parse(s string) []string { return strings.Split(s, ",") } // trimmed

func fetch(u string) (*http.Response, error) { return http.Get(u) }

func run(u string) { resp, _ := fetch(u); _ = resp } // calls fetch

func top() { run("x") } // calls run

func closeIt(c io.Closer) { c.Close() }

func retry(f func() error) { _ = f() }

func id[T any](v T) T { return v }

type closer interface{ Close() error }

func shut(c closer) { c.Close() }

func init() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	pkg, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	var kept, dropped []string
	for _, d := range trim([]*ast.File{f}, info, pkg)[0].Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			if fd.Body != nil {
				kept = append(kept, fd.Name.Name)
			} else {
				dropped = append(dropped, fd.Name.Name)
			}
		}
	}
	if want := []string{"get", "parse"}; !slices.Equal(dropped, want) {
		t.Errorf("trimmed %v, want %v (kept %v)", dropped, want, kept)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
			t.Errorf("trim changed the original declaration of %s", fd.Name.Name)
		}
	}
}
