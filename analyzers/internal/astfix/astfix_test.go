package astfix_test

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/astfix"
	"golang.org/x/tools/go/analysis"
)

// marker is where the tests ask for a package: the position of the edit
// that refers to it.
const marker = "/*@*/"

func TestImport(t *testing.T) {
	t.Parallel()
	const f = "\n\nfunc f() { " + marker + " }\n"
	for _, tc := range []struct {
		src  string   // the file asking, with marker
		more []string // other files of the package
		path string
		name string // "" when Import fails
		want string // src after the edits; src when there are none
	}{
		// Where the import goes.
		{src: "package p" + f, path: "io", name: "io",
			want: "package p\n\nimport \"io\"" + f},
		{src: "package p // c" + f, path: "io", name: "io",
			want: "package p // c\n\nimport \"io\"" + f},
		{src: "package p /* a\nb */" + f, path: "io"},
		{src: "package p\n\nimport \"net/http\"" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"io\"\n\t\"net/http\"\n)" + f},
		{src: "package p\n\nimport \"bytes\" // c" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"bytes\" // c\n\t\"io\"\n)" + f},
		{src: "package p\n\nimport \"example.com/x\"" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"io\"\n\n\t\"example.com/x\"\n)" + f},
		{src: "package p\n\nimport \"example.com/x\"" + f, path: "example.com/y", name: "y",
			want: "package p\n\nimport (\n\t\"example.com/x\"\n\t\"example.com/y\"\n)" + f},
		{src: "package p " + marker + "\n\nimport \"fmt\"", path: "io"},
		{src: "package p\n\nimport (\n\t\"bytes\"\n\t\"net/http\"\n)" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"bytes\"\n\t\"io\"\n\t\"net/http\"\n)" + f},
		{src: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/x\"\n)" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\n\t\"example.com/x\"\n)" + f},
		{src: "package p\n\nimport (\n\t// x does\n\t\"example.com/x\"\n)" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"io\"\n\n\t// x does\n\t\"example.com/x\"\n)" + f},
		{src: "package p\n\nimport (\n\t\"fmt\" // c\n)" + f, path: "net", name: "net",
			want: "package p\n\nimport (\n\t\"fmt\" // c\n\t\"net\"\n)" + f},
		{src: "package p\n\nimport (\"fmt\"; \"net/http\")" + f, path: "io", name: "io",
			want: "package p\n\nimport (\"fmt\"; \"io\"; \"net/http\")" + f},
		{src: "package p\n\nimport ()" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"io\")" + f},
		{src: "package p\n\n// #include <stdio.h>\nimport \"C\"" + f, path: "io", name: "io",
			want: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport \"io\"" + f},
		{src: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport \"fmt\"" + f, path: "io", name: "io",
			want: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport (\n\t\"fmt\"\n\t\"io\"\n)" + f},
		{src: "package p\n\nvar _ = 1 " + marker + "\n", path: "io", name: "io",
			want: "package p\n\nimport \"io\"\n\nvar _ = 1 " + marker + "\n"},

		// Which name it has.
		{src: "package p\n\nimport \"io\"" + f, path: "io", name: "io"},
		{src: "package p\n\nimport xio \"io\"" + f, path: "io", name: "xio"},
		{src: "package p\n\nimport \"io\"\n\nfunc g(io int) { " + marker + " }\n", path: "io", name: "io1",
			want: "package p\n\nimport (\n\t\"io\"\n\tio1 \"io\"\n)\n\nfunc g(io int) { " + marker + " }\n"},
		{src: "package p\n\nfunc g() { time := 1; _ = time; " + marker + " }\n", path: "time", name: "time1",
			want: "package p\n\nimport time1 \"time\"\n\nfunc g() { time := 1; _ = time; " + marker + " }\n"},
		{src: "package p\n\nfunc g(time, time1 int) { " + marker + " }\n", path: "time", name: "time2",
			want: "package p\n\nimport time2 \"time\"\n\nfunc g(time, time1 int) { " + marker + " }\n"},
		{src: "package p\n\nfunc g() { " + marker + "; io := 1; _ = io }\n", path: "io", name: "io",
			want: "package p\n\nimport \"io\"\n\nfunc g() { " + marker + "; io := 1; _ = io }\n"},
		{src: "package p\n\nfunc g(net int) {}" + f, path: "net", name: "net",
			want: "package p\n\nimport \"net\"\n\nfunc g(net int) {}" + f},
		{src: "package p" + f, more: []string{"package p\n\nvar http = 1\n"}, path: "net/http", name: "http1",
			want: "package p\n\nimport http1 \"net/http\"" + f},
		{src: "package p\n\nimport xio \"io\"\n\nfunc g(xio int) { " + marker + " }\n", path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"io\"\n\txio \"io\"\n)\n\nfunc g(xio int) { " + marker + " }\n"},
		{src: "package p\n\nimport . \"io\"" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"io\"\n\t. \"io\"\n)" + f},
		{src: "package p\n\nimport _ \"io\"" + f, path: "io", name: "io",
			want: "package p\n\nimport (\n\t\"io\"\n\t_ \"io\"\n)" + f},
	} {
		pass, file := check(t, tc.src, tc.more...)
		pos := pass.Fset.File(file.Pos()).Pos(strings.Index(tc.src, marker))
		name, edits, ok := astfix.Import(pass, file, pos, tc.path, path.Base(tc.path))
		if tc.name == "" {
			if ok {
				t.Errorf("%q: Import(%q) = %q, %v; want it to fail", tc.src, tc.path, name, edits)
			}
			continue
		}
		if !ok || name != tc.name {
			t.Errorf("%q: Import(%q) = %q, %v; want %q", tc.src, tc.path, name, ok, tc.name)
			continue
		}
		want := tc.want
		if want == "" {
			want = tc.src
		}
		if got := apply(t, pass, file, [][]analysis.TextEdit{edits}); got != formatted(t, want) {
			t.Errorf("%q: Import(%q) gives\n%s\nwant\n%s", tc.src, tc.path, got, formatted(t, want))
		}
	}
}

// Fixes that each add an import to the same file merge, as a driver
// applying them all merges them, into one declaration.
func TestImportMerged(t *testing.T) {
	t.Parallel()
	const f = "\n\nfunc f(time int) { " + marker + " }\n\nfunc g() { " + marker + " }\n"
	for _, tc := range []struct{ src, want string }{
		{"package p\n\nimport \"net/http\"" + f,
			"package p\n\nimport (\n\t\"io\"\n\t\"net/http\"\n\t\"time\"\n\ttime1 \"time\"\n)" + f},
		{"package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)" + f,
			"package p\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"net/http\"\n\t\"time\"\n\ttime1 \"time\"\n)" + f},
	} {
		pass, file := check(t, tc.src)
		tf := pass.Fset.File(file.Pos())
		inF, inG := strings.Index(tc.src, marker), strings.LastIndex(tc.src, marker)
		var fixes [][]analysis.TextEdit
		for _, req := range []struct {
			at   int
			path string
		}{{inF, "io"}, {inG, "io"}, {inF, "time"}, {inG, "time"}} {
			_, edits, ok := astfix.Import(pass, file, tf.Pos(req.at), req.path, req.path)
			if !ok {
				t.Fatalf("%q: Import(%q) failed", tc.src, req.path)
			}
			fixes = append(fixes, edits)
		}
		if got, want := apply(t, pass, file, fixes), formatted(t, tc.want); got != want {
			t.Errorf("%q: merged fixes give\n%s\nwant\n%s", tc.src, got, want)
		}
	}
}

// check type-checks src and more as package p, each import an empty
// package named by the last element of its path; type errors (unused
// imports, members that are not there) do not matter here.
func check(t *testing.T, src string, more ...string) (*analysis.Pass, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	contents := map[string]string{}
	var files []*ast.File
	for i, s := range append([]string{src}, more...) {
		name := fmt.Sprintf("p%d.go", i)
		f, err := parser.ParseFile(fset, name, s, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		contents[name] = s
		files = append(files, f)
	}
	info := &types.Info{Scopes: map[ast.Node]*types.Scope{}, Defs: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{}}
	conf := types.Config{Importer: emptyImporter{}, Error: func(error) {}}
	pkg, _ := conf.Check("p", fset, files, info)
	pass := &analysis.Pass{Fset: fset, Files: files, Pkg: pkg, TypesInfo: info,
		ReadFile: func(name string) ([]byte, error) { return []byte(contents[name]), nil }}
	return pass, files[0]
}

type emptyImporter struct{}

func (emptyImporter) Import(p string) (*types.Package, error) {
	pkg := types.NewPackage(p, path.Base(p))
	pkg.MarkComplete()
	return pkg, nil
}

// apply applies the fixes to file as drivers do (identical edits of
// several fixes count once) and formats the result.
func apply(t *testing.T, pass *analysis.Pass, file *ast.File, fixes [][]analysis.TextEdit) string {
	t.Helper()
	var edits []analysis.TextEdit
	for _, fix := range fixes {
		for _, e := range fix {
			if !slices.ContainsFunc(edits, func(x analysis.TextEdit) bool {
				return x.Pos == e.Pos && x.End == e.End && string(x.NewText) == string(e.NewText)
			}) {
				edits = append(edits, e)
			}
		}
	}
	slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int {
		return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
	})
	tf := pass.Fset.File(file.Pos())
	src, _ := pass.ReadFile(tf.Name())
	var out []byte
	last := 0
	for _, e := range edits {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < last {
			t.Fatalf("overlapping edits %v", edits)
		}
		out = append(append(out, src[last:start]...), e.NewText...)
		last = end
	}
	return formatted(t, string(append(out, src[last:]...)))
}

func formatted(t *testing.T, src string) string {
	t.Helper()
	out, err := format.Source([]byte(src))
	if err != nil {
		t.Fatalf("%v in\n%s", err, src)
	}
	return string(out)
}
