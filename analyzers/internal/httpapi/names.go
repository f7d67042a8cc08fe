package httpapi

import (
	"go/types"
	"sync"
)

// Names is what a package names outside its own local variables, each
// object once: package members, fields and methods, its own and imported
// ones. Analyzers test it, before anything is built, for the symbols
// without which they have nothing to do. A large package's identifiers
// are nine tenths repeats and local variables, so one pass that keeps the
// rest lets every such test cost a look at a few thousand objects instead
// of another pass over every identifier.
type Names []types.Object

// NamesOf returns the objects that info's package names (its Uses),
// leaving out local variables, package names, builtins, labels and nil.
func NamesOf(pkg *types.Package, info *types.Info) Names {
	scope := pkg.Scope()
	seen := make(map[types.Object]bool)
	var names Names
	for _, obj := range info.Uses {
		switch obj := obj.(type) {
		case *types.Var:
			if !obj.IsField() && obj.Pkg() == pkg && obj.Parent() != scope {
				continue // a local variable
			}
		case *types.Func, *types.TypeName, *types.Const:
		default:
			continue
		}
		if !seen[obj] {
			seen[obj] = true
			names = append(names, obj)
		}
	}
	return names
}

// Mentioned reports whether the package that named names names a field
// of this name declared in the field's package: a cheap test, before
// anything is built, that a package can touch the field at all.
// Composite-literal keys and selectors both record the field in Uses.
func (f Field) Mentioned(names Names) bool {
	for _, obj := range names {
		if v, ok := obj.(*types.Var); ok && v.Name() == f.Name && v.IsField() &&
			v.Pkg() != nil && v.Pkg().Path() == f.Struct.Path {
			return true
		}
	}
	return false
}

// Mentioned reports whether the package that named names reads or writes
// this package-level variable: a cheap test before anything is built.
func (pv Var) Mentioned(names Names) bool {
	for _, obj := range names {
		if v, ok := obj.(*types.Var); ok && pv.Matches(v) {
			return true
		}
	}
	return false
}

// Mentioned reports whether the package that named names refers to this
// method (calls it or takes its value): a cheap test before anything is
// built. A promoted method is recorded under the method it promotes.
func (m Method) Mentioned(names Names) bool {
	for _, obj := range names {
		if fn, ok := obj.(*types.Func); ok && fn.Name() == m.Name && m.Matches(fn) {
			return true
		}
	}
	return false
}

// Mentioned reports whether the package that named names refers to one of
// cs, as [Method.Mentioned] does for one method.
func (cs Callees) Mentioned(names Names) bool {
	for _, obj := range names {
		if fn, ok := obj.(*types.Func); ok && cs.Matches(fn) {
			return true
		}
	}
	return false
}

// Listed reports whether obj is a symbol of this table: one that some
// analyzer matches. A struct field's object does not record its struct, so
// a field is listed when a field of that name of the same package is
// (Response.Header with Request.Header), as [Field.Mentioned] does.
func Listed(obj types.Object) bool {
	p := obj.Pkg()
	if p == nil {
		return false
	}
	key := symbol{path: p.Path(), name: obj.Name()}
	switch obj := obj.(type) {
	case *types.Var:
		key.field = obj.IsField()
		if !key.field && obj.Parent() != p.Scope() {
			return false // a local variable
		}
	case *types.TypeName:
		if obj.Parent() != p.Scope() {
			return false // a local type
		}
	case *types.Func:
		if recv := obj.Origin().Signature().Recv(); recv != nil {
			tn := NamedOf(recv.Type())
			if tn == nil {
				return false
			}
			key.recv = tn.Name()
		}
	}
	return listed()[key]
}

// symbol is a table entry as [Listed] looks it up: recv is a method's
// receiver type; field marks a field, listed by its package and name.
type symbol struct {
	path, recv, name string
	field            bool
}

var listed = sync.OnceValue(func() map[symbol]bool {
	m := make(map[symbol]bool, len(table))
	for _, entry := range table {
		switch e := entry.(type) {
		case Type:
			m[symbol{path: e.Path, name: e.Name}] = true
		case Field:
			m[symbol{path: e.Struct.Path, name: e.Name, field: true}] = true
		case Method:
			m[symbol{path: e.Recv.Path, recv: e.Recv.Name, name: e.Name}] = true
		case Func:
			m[symbol{path: e.Path, name: e.Name}] = true
		case Var:
			m[symbol{path: e.Path, name: e.Name}] = true
		}
	}
	return m
})
