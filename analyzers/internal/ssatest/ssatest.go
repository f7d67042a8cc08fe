// Package ssatest builds small Go programs into SSA for the shared layer's
// unit tests: one way to do it, instead of a copy in each test file.
package ssatest

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// Build type-checks src, the whole text of a file of package p whose
// imports come from export data, and returns its built SSA package. It
// stops the test on any error.
func Build(t testing.TB, src string) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := &types.Config{Importer: importer.Default()}
	pkg, _, err := ssautil.BuildPackage(conf, fset, types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// source is the importer that Source shares.
var source struct {
	once sync.Once
	fset *token.FileSet
	imp  *lockedImporter
}

// Source returns a file set and an importer that type-checks the real
// standard library from source, shared by every test of the test binary:
// each package is type-checked once, not once per test (net/http and its
// dependencies take seconds each time). Parse the test's own files into
// the same file set. The importer is safe for concurrent use.
func Source() (*token.FileSet, types.ImporterFrom) {
	source.once.Do(func() {
		source.fset = token.NewFileSet()
		source.imp = &lockedImporter{imp: importer.ForCompiler(source.fset, "source", nil).(types.ImporterFrom)}
	})
	return source.fset, source.imp
}

// A lockedImporter serialises the imports of go/importer's source
// importer, whose memo of packages is not safe for concurrent use.
type lockedImporter struct {
	mu  sync.Mutex
	imp types.ImporterFrom
}

func (l *lockedImporter) Import(path string) (*types.Package, error) {
	return l.ImportFrom(path, "", 0)
}

func (l *lockedImporter) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.imp.ImportFrom(path, dir, mode)
}

// Importer returns the file set of [Source] and an importer that takes
// the standard library from Source's and gives each path of fakes the
// package that its source (the whole text of one file) declares:
// stand-ins for third-party packages. It stops the test on any error.
func Importer(t testing.TB, fakes map[string]string) (*token.FileSet, types.Importer) {
	fset, std := Source()
	return fset, &fakeImporter{t: t, fset: fset, fakes: fakes, std: std, done: make(map[string]*types.Package)}
}

type fakeImporter struct {
	t     testing.TB
	fset  *token.FileSet
	fakes map[string]string
	std   types.Importer
	done  map[string]*types.Package
}

func (imp *fakeImporter) Import(path string) (*types.Package, error) {
	src, ok := imp.fakes[path]
	if !ok {
		return imp.std.Import(path)
	}
	if pkg, ok := imp.done[path]; ok {
		return pkg, nil
	}
	imp.t.Helper()
	f, err := parser.ParseFile(imp.fset, path+".go", src, 0)
	if err != nil {
		imp.t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: imp}).Check(path, imp.fset, []*ast.File{f}, nil)
	if err != nil {
		imp.t.Fatal(err)
	}
	imp.done[path] = pkg
	return pkg, nil
}
