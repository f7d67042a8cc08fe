package ssapass

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// createImport creates in prog the SSA form of the imported package imp
// with only the members objs: the package-level functions and variables
// that the package being built names.
//
// From type information alone, CreatePackage makes a member of every
// object in the package's scope and of every method of its named types:
// for net/http, imported by nearly every package analysed, that is a few
// thousand functions made and dropped again per package, as much memory as
// building the bodies that need them. From syntax, it makes a member of
// each declaration: so the package is created from declarations of objs
// alone, written for the purpose, with no bodies (the SSA form of a
// function without a body has its parameters only, which is all the SSA
// form of an imported function ever has here). Methods of imported types
// are made on demand by the builder, from type information, as before.
func createImport(prog *ssa.Program, imp *types.Package, objs []types.Object) {
	info := &types.Info{Defs: make(map[*ast.Ident]types.Object, len(objs))}
	file := &ast.File{Name: ast.NewIdent(imp.Name())}
	for _, obj := range objs {
		id := &ast.Ident{NamePos: obj.Pos(), Name: obj.Name()}
		info.Defs[id] = obj
		switch obj.(type) {
		case *types.Func:
			file.Decls = append(file.Decls, &ast.FuncDecl{Name: id, Type: &ast.FuncType{}})
		case *types.Var:
			file.Decls = append(file.Decls, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{id}}}})
		}
	}
	prog.CreatePackage(imp, []*ast.File{file}, info, true)
}
