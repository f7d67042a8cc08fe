// Package httpapi is kalint's table of the standard-library symbols that the
// analyzers match: net/http, net and io types, their fields and methods.
//
// Symbols are matched by package path, receiver type and name, never by
// comparing type strings or package names. Every entry is checked against
// the real standard library by this package's tests, so a typo or an API
// change fails the build instead of silently matching nothing.
package httpapi

import (
	"go/types"
	"sync"
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
			t := types.Unalias(recv.Type())
			if ptr, ok := t.(*types.Pointer); ok {
				t = types.Unalias(ptr.Elem())
			}
			named, ok := t.(*types.Named)
			if !ok {
				return false
			}
			key.recv = named.Origin().Obj().Name()
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

func variable(path, name string) Var {
	v := Var{path, name}
	table = append(table, v)
	return v
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

// Clients and requests.
var (
	Client                     = typ(NetHTTP, "Client")
	ClientTransport            = field(Client, "Transport")
	ClientDo                   = method(Client, "Do")
	ClientGet                  = method(Client, "Get")
	ClientHead                 = method(Client, "Head")
	ClientPost                 = method(Client, "Post")
	ClientPostForm             = method(Client, "PostForm")
	ClientCloseIdleConnections = method(Client, "CloseIdleConnections")

	Get      = function(NetHTTP, "Get")
	Head     = function(NetHTTP, "Head")
	Post     = function(NetHTTP, "Post")
	PostForm = function(NetHTTP, "PostForm")

	// DefaultClient and DefaultTransport are package-level variables; they
	// are matched with [Var].
	DefaultClient    = variable(NetHTTP, "DefaultClient")
	DefaultTransport = variable(NetHTTP, "DefaultTransport")

	Request                = typ(NetHTTP, "Request")
	RequestMethod          = field(Request, "Method")
	RequestBody            = field(Request, "Body")
	RequestGetBody         = field(Request, "GetBody")
	RequestHeader          = field(Request, "Header")
	RequestClose           = field(Request, "Close")
	NewRequest             = function(NetHTTP, "NewRequest")
	NewRequestWithContext  = function(NetHTTP, "NewRequestWithContext")
	RequestWithContext     = method(Request, "WithContext")
	RequestClone           = method(Request, "Clone")
	Header                 = typ(NetHTTP, "Header")
	HeaderSet              = method(Header, "Set")
	HeaderAdd              = method(Header, "Add")
	Response               = typ(NetHTTP, "Response")
	ResponseBody           = field(Response, "Body")
	RoundTripper           = typ(NetHTTP, "RoundTripper")
	RoundTripperRoundTrip  = method(RoundTripper, "RoundTrip")
	Handler                = typ(NetHTTP, "Handler")
	ResponseWriter         = typ(NetHTTP, "ResponseWriter")
	HandleFunc             = function(NetHTTP, "HandleFunc")
	ServeMuxHandleFunc     = method(typ(NetHTTP, "ServeMux"), "HandleFunc")
	ServeMuxHandle         = method(typ(NetHTTP, "ServeMux"), "Handle")
	Handle                 = function(NetHTTP, "Handle")
	HandlerFunc            = typ(NetHTTP, "HandlerFunc")
	ResponseRecorderResult = method(typ("net/http/httptest", "ResponseRecorder"), "Result")
	NewResponseController  = function(NetHTTP, "NewResponseController")
)

// http.Transport.
var (
	Transport                     = typ(NetHTTP, "Transport")
	TransportMaxIdleConns         = field(Transport, "MaxIdleConns")
	TransportMaxIdleConnsPerHost  = field(Transport, "MaxIdleConnsPerHost")
	TransportMaxConnsPerHost      = field(Transport, "MaxConnsPerHost")
	TransportIdleConnTimeout      = field(Transport, "IdleConnTimeout")
	TransportDisableKeepAlives    = field(Transport, "DisableKeepAlives")
	TransportDial                 = field(Transport, "Dial")
	TransportDialContext          = field(Transport, "DialContext")
	TransportDialTLS              = field(Transport, "DialTLS")
	TransportDialTLSContext       = field(Transport, "DialTLSContext")
	TransportClone                = method(Transport, "Clone")
	TransportRoundTrip            = method(Transport, "RoundTrip")
	TransportCloseIdleConnections = method(Transport, "CloseIdleConnections")
)

// net: dialers, listeners and connections.
var (
	Dialer                    = typ("net", "Dialer")
	DialerKeepAlive           = field(Dialer, "KeepAlive")
	DialerKeepAliveConfig     = field(Dialer, "KeepAliveConfig")
	DialerDial                = method(Dialer, "Dial")
	DialerDialContext         = method(Dialer, "DialContext")
	ListenConfig              = typ("net", "ListenConfig")
	ListenConfigKeepAlive     = field(ListenConfig, "KeepAlive")
	TCPConn                   = typ("net", "TCPConn")
	TCPConnSetKeepAlive       = method(TCPConn, "SetKeepAlive")
	TCPConnSetKeepAlivePeriod = method(TCPConn, "SetKeepAlivePeriod")
	// ConnFile is File of *net.TCPConn, *net.UnixConn, *net.UDPConn and
	// *net.IPConn: all promote it from the unexported net.conn.
	ConnFile                  = method(typ("net", "conn"), "File")
	KeepAliveConfig           = typ("net", "KeepAliveConfig")
	KeepAliveConfigEnable     = field(KeepAliveConfig, "Enable")
	TCPConnSetKeepAliveConfig = method(TCPConn, "SetKeepAliveConfig")
	OSFile                    = typ("os", "File")
	OSFileFd                  = method(OSFile, "Fd")
	OSFileClose               = method(OSFile, "Close")
)

// io.
var (
	Closer      = typ("io", "Closer")
	CloserClose = method(Closer, "Close")
	Reader      = typ("io", "Reader")
	ReaderRead  = method(Reader, "Read")
	ReadCloser  = typ("io", "ReadCloser")
	Copy        = function("io", "Copy")
	CopyN       = function("io", "CopyN")
	CopyBuffer  = function("io", "CopyBuffer")
	ReadAll     = function("io", "ReadAll")
	Discard     = variable("io", "Discard")
)

// A Callee matches a function or a method: a [Func] or a [Method].
type Callee interface {
	Matches(fn *types.Func) bool
}
