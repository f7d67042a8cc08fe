package ssapass

import (
	"go/ast"
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// TestCreateImport checks that an import's SSA form holds only the members
// the package names, and that they are enough to build it: a generic
// function, a variable, and methods (made on demand) of imported types.
func TestCreateImport(t *testing.T) {
	t.Parallel()
	src := `package p

import (
	"io"
	"net/http"
	"slices"
)

var c = http.DefaultClient

func get(u string, allowed []string) (*http.Response, error) {
	if !slices.Contains(allowed, u) {
		return nil, io.EOF
	}
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}
`
	fset, f, info, pkg := typeCheck(t, "p", src)
	files, needed, _ := trim([]*ast.File{f}, info, pkg)
	prog := ssa.NewProgram(fset, ssa.BareInits)
	for _, imp := range pkg.Imports() {
		if objs := needed[imp]; len(objs) > 0 {
			createImport(prog, imp, objs)
		}
	}
	p := prog.CreatePackage(pkg, files, info, false)
	p.Build()

	for path, want := range map[string][]string{
		"io":       {"EOF", "init"},
		"net/http": {"DefaultClient", "NewRequest", "init"},
		"slices":   {"Contains", "init"},
	} {
		imp := prog.ImportedPackage(path)
		if imp == nil {
			t.Errorf("no SSA package for %s", path)
			continue
		}
		if got := slices.Sorted(maps.Keys(imp.Members)); !slices.Equal(got, want) {
			t.Errorf("members of %s: %v, want %v", path, got, want)
		}
	}
	var callees []string
	for _, b := range p.Func("get").Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if fn := call.Call.StaticCallee(); fn != nil {
					callees = append(callees, fn.String())
				}
			}
		}
	}
	want := []string{"slices.Contains[[]string, string]", "net/http.NewRequest", "(*net/http.Client).Do"}
	if !slices.Equal(callees, want) {
		t.Errorf("get calls %v, want %v", callees, want)
	}
}
