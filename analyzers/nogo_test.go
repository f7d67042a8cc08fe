package analyzers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers"
	"github.com/kalint/kalint/analyzers/connfile"
	"github.com/kalint/kalint/analyzers/dialkeepalive"
	"github.com/kalint/kalint/analyzers/h2health"
	"github.com/kalint/kalint/analyzers/idleperhost"
	"github.com/kalint/kalint/analyzers/keepalivesoff"
	"github.com/kalint/kalint/analyzers/postretry"
	"github.com/kalint/kalint/analyzers/respbody"
	"github.com/kalint/kalint/analyzers/serveridle"
	"github.com/kalint/kalint/analyzers/shareddefault"
	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis"
)

// TestNogoReady checks what rules_go's nogo needs of an analyzer package
// (docs/bazel.md): an exported variable Analyzer, here for every analyzer
// of the suite and named as the suite names it, and no package-level
// state that a run changes, so that analyzers built from the same package
// (the plugin's, the tests', nogo's) do not share anything.
func TestNogoReady(t *testing.T) {
	t.Parallel()
	exported := map[string]*analysis.Analyzer{
		"connfile": connfile.Analyzer, "dialkeepalive": dialkeepalive.Analyzer,
		"idleperhost": idleperhost.Analyzer, "keepalivesoff": keepalivesoff.Analyzer,
		"postretry": postretry.Analyzer, "respbody": respbody.Analyzer,
		"serveridle": serveridle.Analyzer, "transportreuse": transportreuse.Analyzer,
		"h2health": h2health.Analyzer, "shareddefault": shareddefault.Analyzer,
	}
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
		if e := exported[a.Name]; e == nil || e.Name != a.Name {
			t.Errorf("%s: no exported Analyzer of that name in analyzers/%s", a.Name, a.Name)
		}
	}
	if got := slices.Sorted(maps.Keys(exported)); !slices.Equal(got, slices.Sorted(slices.Values(names))) {
		t.Errorf("exported analyzers %v, suite %v", got, names)
	}
	for _, name := range names {
		for _, w := range packageVarWrites(t, name) {
			t.Errorf("%s: package-level variable changed at run time", w)
		}
	}
}

// packageVarWrites returns the places in the non-test files of package dir
// that assign to a package-level variable (or to an element or field of
// one), outside its declaration.
func packageVarWrites(t *testing.T, dir string) []string {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]bool{}
	var files []*ast.File
	for _, p := range pkgs {
		for _, f := range p.Files {
			files = append(files, f)
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
					for _, s := range g.Specs {
						for _, n := range s.(*ast.ValueSpec).Names {
							vars[n.Name] = true
						}
					}
				}
			}
		}
	}
	var writes []string
	write := func(lhs ast.Expr) {
		id := rootIdent(lhs)
		// An identifier the parser resolved is declared in this file: a
		// package-level one only if its declaration is not in a function.
		if id == nil || !vars[id.Name] || id.Obj != nil && id.Obj.Kind == ast.Var && isLocal(files, id.Obj) {
			return
		}
		writes = append(writes, fset.Position(id.Pos()).String()+" "+id.Name)
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE {
					for _, l := range n.Lhs {
						write(l)
					}
				}
			case *ast.IncDecStmt:
				write(n.X)
			}
			return true
		})
	}
	return writes
}

// rootIdent returns the variable that x, an assignment's left side,
// changes: v in v, v[i], v.f, *v.
func rootIdent(x ast.Expr) *ast.Ident {
	for {
		switch e := x.(type) {
		case *ast.Ident:
			return e
		case *ast.IndexExpr:
			x = e.X
		case *ast.SelectorExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.ParenExpr:
			x = e.X
		default:
			return nil
		}
	}
}

// isLocal reports whether obj is declared inside a function.
func isLocal(files []*ast.File, obj *ast.Object) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= declPos(obj) && declPos(obj) < fd.End() {
				return true
			}
		}
	}
	return false
}

func declPos(obj *ast.Object) token.Pos {
	if n, ok := obj.Decl.(ast.Node); ok {
		return n.Pos()
	}
	return token.NoPos
}
