package ssapass

import (
	"go/ast"
	"go/types"
	"strings"
)

// trim returns the package's files with the bodies of the functions that
// cannot matter to any kalint analyzer removed, so that SSA is built only
// for the rest: a large package with a small HTTP part (a message server
// with a monitoring endpoint, say) then costs what its HTTP part costs.
//
// A function matters when its body or signature names something of
// net/http, net, syscall or golang.org/x/sys, an os.File, or a closer
// (a value, field or function of such a type, or of a container, function
// or interface type made of one; structs are not looked into, since using a
// field names it); when it takes a function (a retry helper) or has type
// parameters (a generic helper passes on whatever it is given); or when it
// refers to a
// function that matters (so that every caller of one is kept, and call
// sites, closures and "runs once" reasoning see the same callers as
// before). init and main always matter. A function without a body is, to
// the analyzers, one they cannot see: a missed report at worst, never a
// false one.
func trim(files []*ast.File, info *types.Info, pkg *types.Package) []*ast.File {
	m := &mentions{memo: make(map[types.Type]bool)}
	funcs := make(map[*types.Func]*ast.FuncDecl)
	matters := make(map[*ast.FuncDecl]bool)
	refs := make(map[*ast.FuncDecl][]*types.Func) // in-package functions each refers to
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, _ := info.Defs[fd.Name].(*types.Func)
			if obj == nil {
				matters[fd] = true
				continue
			}
			funcs[obj] = fd
			if fd.Recv == nil && (fd.Name.Name == "init" || fd.Name.Name == "main") || takesFunc(obj) ||
				obj.Signature().TypeParams().Len() > 0 || m.typ(obj.Type()) {
				matters[fd] = true
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				obj := info.Uses[id]
				if obj == nil {
					obj = info.Defs[id]
				}
				if obj == nil {
					return true
				}
				if fn, ok := obj.(*types.Func); ok && fn.Pkg() == pkg {
					refs[fd] = append(refs[fd], fn.Origin())
				}
				if !matters[fd] && (relevantPkg(obj.Pkg()) || m.typ(obj.Type())) {
					matters[fd] = true
				}
				return true
			})
		}
	}
	// Callers of functions that matter matter too, up to a fixed point.
	for changed := true; changed; {
		changed = false
		for fd, list := range refs {
			if matters[fd] {
				continue
			}
			for _, fn := range list {
				if callee := funcs[fn]; callee != nil && matters[callee] {
					matters[fd] = true
					changed = true
					break
				}
			}
		}
	}
	if len(matters) == len(funcs) {
		return files
	}
	out := make([]*ast.File, len(files))
	for i, f := range files {
		copied := *f
		copied.Decls = make([]ast.Decl, len(f.Decls))
		for j, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && !matters[fd] {
				bodiless := *fd
				bodiless.Body = nil
				d = &bodiless
			}
			copied.Decls[j] = d
		}
		out[i] = &copied
	}
	return out
}

// relevantPkg reports whether p is a package whose values the analyzers
// follow.
func relevantPkg(p *types.Package) bool {
	if p == nil {
		return false
	}
	path := p.Path()
	return path == "net" || path == "syscall" ||
		path == "net/http" || strings.HasPrefix(path, "net/http/") ||
		strings.HasPrefix(path, "golang.org/x/sys/")
}

// mentions decides, memoised, whether a type names a relevant type.
type mentions struct {
	memo map[types.Type]bool
}

func (m *mentions) typ(t types.Type) bool {
	if t == nil {
		return false
	}
	if v, ok := m.memo[t]; ok {
		return v
	}
	m.memo[t] = false // a recursive type meets itself: no
	v := m.compute(t)
	m.memo[t] = v
	return v
}

func (m *mentions) compute(t types.Type) bool {
	switch t := t.(type) {
	case *types.Alias:
		return m.typ(types.Unalias(t))
	case *types.Named:
		obj := t.Obj()
		if relevantPkg(obj.Pkg()) {
			return true
		}
		if obj.Pkg() != nil {
			switch obj.Pkg().Path() + "." + obj.Name() {
			case "os.File", "io.Closer", "io.ReadCloser", "io.ReadWriteCloser", "io.WriteCloser":
				return true
			}
		}
		return m.typ(t.Underlying())
	case *types.Pointer:
		return m.typ(t.Elem())
	case *types.Slice:
		return m.typ(t.Elem())
	case *types.Array:
		return m.typ(t.Elem())
	case *types.Map:
		return m.typ(t.Key()) || m.typ(t.Elem())
	case *types.Chan:
		return m.typ(t.Elem())
	case *types.Interface:
		for fn := range t.Methods() {
			if fn.Name() == "Close" || m.typ(fn.Type()) {
				return true // a closer (io.Closer by another name) may hold a body or file
			}
		}
	case *types.Signature:
		for v := range t.Params().Variables() {
			if m.typ(v.Type()) {
				return true
			}
		}
		for v := range t.Results().Variables() {
			if m.typ(v.Type()) {
				return true
			}
		}
	case *types.Tuple:
		for v := range t.Variables() {
			if m.typ(v.Type()) {
				return true
			}
		}
	case *types.TypeParam:
		return m.typ(t.Constraint())
	}
	return false
}

// takesFunc reports whether fn has a parameter of function type: a helper
// that may call it repeatedly (a retry helper).
func takesFunc(fn *types.Func) bool {
	for v := range fn.Signature().Params().Variables() {
		if _, ok := v.Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}
