// Package httpapi is kalint's table of the standard-library symbols that the
// analyzers match: net/http, net, io, syscall, testing and the other
// packages they describe, one file per package (http.go, net.go, ...), and
// lists that span packages (lists.go).
//
// Symbols are matched by package path, receiver type and name, never by
// comparing type strings or package names. Every entry is checked against
// the real standard library by this package's tests, so a typo or an API
// change fails the build instead of silently matching nothing.
package httpapi

import (
	"go/types"
	"slices"
)

// NetHTTP is the import path that every kalint analyzer needs a package to
// reach before it looks at it.
const NetHTTP = "net/http"

// A Type is a package-level named type.
type Type struct {
	Path, Name string
}

// Matches reports whether t is the named type itself (aliases resolved,
// instances matched by their origin). A pointer does not match; see
// [Type.MatchesPtr].
func (nt Type) Matches(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Origin().Obj()
	return obj.Name() == nt.Name && obj.Pkg() != nil && obj.Pkg().Path() == nt.Path
}

// MatchesPtr reports whether t is a pointer to the named type.
func (nt Type) MatchesPtr(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	return ok && nt.Matches(ptr.Elem())
}

func (nt Type) String() string { return nt.Path + "." + nt.Name }

// NamedOf returns the declaration of the named type that t is or points
// to, aliases resolved and an instance mapped to its origin, or nil. A
// defined pointer type (type P *S) points to S, as a selector through it
// selects S's fields. Like x/tools' typesinternal.ReceiverNamed, it gives
// a method's receiver its base type.
func NamedOf(t types.Type) *types.TypeName {
	t = types.Unalias(t)
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	if named, ok := t.(*types.Named); ok {
		return named.Origin().Obj()
	}
	return nil
}

// A Field is a field of a named struct type.
type Field struct {
	Struct Type
	Name   string
}

// Matches reports whether v, selected from a value of type owner (the
// struct, a pointer to it, or a defined pointer type such as gorequest's
// `type Response *http.Response`, through which a selector selects the
// struct's fields), is this field.
func (f Field) Matches(owner types.Type, v *types.Var) bool {
	if v == nil || v.Name() != f.Name {
		return false
	}
	return f.Struct.Matches(owner) || f.Struct.MatchesPtr(owner.Underlying())
}

func (f Field) String() string { return f.Struct.String() + "." + f.Name }

// A Callee matches a function or a method: a [Func], a [Method] or a list
// of them, [Callees].
type Callee interface {
	Matches(fn *types.Func) bool
}

// Callees is a list of functions and methods, matched as one: the single
// way the analyzers test a callee against a list (the idea of x/tools'
// typesinternal.IsMethodNamed, with typed entries instead of names).
type Callees []Callee

// Matches reports whether fn is one of cs.
func (cs Callees) Matches(fn *types.Func) bool {
	return fn != nil && slices.ContainsFunc(cs, func(c Callee) bool { return c.Matches(fn) })
}

// Flat returns the functions and methods of cs, with nested lists spread
// out in order: for tests and declarations that look at each entry.
func (cs Callees) Flat() Callees {
	var out Callees
	for _, c := range cs {
		if list, ok := c.(Callees); ok {
			out = append(out, list.Flat()...)
		} else {
			out = append(out, c)
		}
	}
	return out
}

// A Method is a method of a named type, concrete or interface.
type Method struct {
	Recv Type
	Name string
}

// Matches reports whether fn is this method or an instance of it. An
// interface method matches through embedding: io.ReadCloser's Close is
// io.Closer's.
func (m Method) Matches(fn *types.Func) bool {
	if fn == nil || fn.Name() != m.Name {
		return false
	}
	recv := fn.Origin().Signature().Recv()
	if recv == nil {
		return false
	}
	return m.Recv.Matches(recv.Type()) || m.Recv.MatchesPtr(recv.Type())
}

func (m Method) String() string { return "(" + m.Recv.String() + ")." + m.Name }

// A Func is a package-level function.
type Func struct {
	Path, Name string
}

// Matches reports whether fn is this function or an instance of it.
func (f Func) Matches(fn *types.Func) bool {
	return fn != nil && fn.Name() == f.Name && fn.Pkg() != nil && fn.Pkg().Path() == f.Path &&
		fn.Signature().Recv() == nil
}

func (f Func) String() string { return f.Path + "." + f.Name }

// A Var is a package-level variable.
type Var struct {
	Path, Name string
}

// Matches reports whether v is this variable.
func (pv Var) Matches(v *types.Var) bool {
	return v != nil && v.Name() == pv.Name && v.Pkg() != nil && v.Pkg().Path() == pv.Path &&
		v.Parent() == v.Pkg().Scope()
}

func (pv Var) String() string { return pv.Path + "." + pv.Name }

// table lists every symbol of the package files, for the test that checks
// them all against the standard library and for [Listed]. It is written
// only during package initialisation, by the constructors below: each
// symbol is declared once, with one of them.
var table []any

func typ(path, name string) Type {
	t := Type{path, name}
	table = append(table, t)
	return t
}

func field(s Type, name string) Field {
	f := Field{s, name}
	table = append(table, f)
	return f
}

func method(recv Type, name string) Method {
	m := Method{recv, name}
	table = append(table, m)
	return m
}

func function(path, name string) Func {
	f := Func{path, name}
	table = append(table, f)
	return f
}

func variable(path, name string) Var {
	v := Var{path, name}
	table = append(table, v)
	return v
}
