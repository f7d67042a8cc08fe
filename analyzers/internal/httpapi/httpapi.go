// Package httpapi is kalint's table of the standard-library symbols that the
// analyzers match: net/http, net and io types, their fields and methods.
//
// Symbols are matched by package path, receiver type and name, never by
// comparing type strings or package names. Every entry is checked against
// the real standard library by this package's tests, so a typo or an API
// change fails the build instead of silently matching nothing.
package httpapi

import "go/types"

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

// A Field is a field of a named struct type.
type Field struct {
	Struct Type
	Name   string
}

// Matches reports whether v, selected from a value of type owner (the
// struct or a pointer to it), is this field.
func (f Field) Matches(owner types.Type, v *types.Var) bool {
	if v == nil || v.Name() != f.Name {
		return false
	}
	return f.Struct.Matches(owner) || f.Struct.MatchesPtr(owner)
}

func (f Field) String() string { return f.Struct.String() + "." + f.Name }

// Mentioned reports whether the package whose type information is info
// names a field of this name declared in the field's package: a cheap test,
// before anything is built, that a package can touch the field at all.
// Composite-literal keys and selectors both record the field in Uses.
func (f Field) Mentioned(info *types.Info) bool {
	for _, obj := range info.Uses {
		if v, ok := obj.(*types.Var); ok && v.Name() == f.Name && v.IsField() &&
			v.Pkg() != nil && v.Pkg().Path() == f.Struct.Path {
			return true
		}
	}
	return false
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

// table lists every symbol below, for the test that checks them all against
// the standard library. It is written only during package initialisation.
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

// http.Server.
var (
	Server = typ(NetHTTP, "Server")

	ServerReadTimeout = field(Server, "ReadTimeout")
	ServerIdleTimeout = field(Server, "IdleTimeout")

	ServerSetKeepAlivesEnabled = method(Server, "SetKeepAlivesEnabled")

	// ServerServes start serving connections.
	ServerServes = []Method{
		method(Server, "ListenAndServe"),
		method(Server, "ListenAndServeTLS"),
		method(Server, "Serve"),
		method(Server, "ServeTLS"),
	}
	// ServerStops stop or observe a server without changing its timeouts.
	ServerStops = []Method{
		method(Server, "Shutdown"),
		method(Server, "Close"),
		method(Server, "RegisterOnShutdown"),
	}
)

// Clients and responses.
var (
	Client   = typ(NetHTTP, "Client")
	ClientDo = method(Client, "Do")
	Get      = function(NetHTTP, "Get")

	Closer      = typ("io", "Closer")
	CloserClose = method(Closer, "Close")
)
