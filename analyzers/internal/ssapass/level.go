package ssapass

import (
	"go/types"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
)

// level is how much a function or type matters: not at all (ignored), when
// a function that matters calls it (helper), or by itself (matters).
type level uint8

const (
	ignored level = iota
	helper
	matters
)

// upward reports whether naming obj, which matters, makes the callers of
// a function matter: obj is one of what the analyzers walk up from
// ([httpapi.Up]). Other names that matter (a request's header, a
// response's body) make a function matter but tell nothing its callers add
// to: when they did, the callers of helpers that only write or check
// headers, and theirs, were more than half of what nats-server built.
// Values the analyzers follow (requests, responses, dialers) go up through
// signatures and values, which the other rules see.
func upward(obj types.Object) bool {
	return httpapi.FollowOf(obj) == httpapi.Up
}

// made reports whether naming obj says the function makes what
// transportreuse judges at every call of it: a type of [httpapi.MadeTypes]
// or another package's constructor of one ([httpapi.Foreign]).
func made(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.TypeName:
		return slices.ContainsFunc(httpapi.MadeTypes, func(t httpapi.Type) bool { return t.Matches(obj.Type()) })
	case *types.Func:
		_, ok := httpapi.Foreign(obj)
		return ok
	}
	return false
}

// object returns how much obj, named in a function, makes it matter.
func (t *trimmer) object(obj types.Object) level {
	if fn, ok := obj.(*types.Func); ok {
		if _, ok := httpapi.Foreign(fn); ok {
			return matters // a constructor, maybe of a client type of its own
		}
		if httpapi.FileCalls.Matches(fn) {
			return matters // the socket's duplicate, whatever the connection's type
		}
		if bodySender(fn, t.pkg) {
			return matters // maybe a response's open body, which respbody's facts may say
		}
	}
	if p := obj.Pkg(); p != nil && p != t.pkg {
		switch path := p.Path(); {
		case httpPkg(path):
			if httpapi.Listed(obj) && httpapi.FollowOf(obj) != httpapi.Context {
				return matters
			}
			if _, ok := obj.(*types.Const); ok {
				return ignored // a status code, a method's name
			}
		case sysPkg(path):
			return matters
		}
	}
	return t.typ(obj.Type())
}

// httpPkg reports whether path is net/http, one of its subpackages, or
// x/net's HTTP/2 package, which configures net/http's transports.
func httpPkg(path string) bool {
	return path == "net/http" || strings.HasPrefix(path, "net/http/") || path == httpapi.XNetHTTP2
}

// sysPkg reports whether everything of the package at path matters: the
// system calls that set socket options.
func sysPkg(path string) bool {
	return path == "syscall" || strings.HasPrefix(path, "golang.org/x/sys/")
}

// typ decides, memoised, how much a type matters.
//
// Types can be recursive (an interface whose method takes a function of
// the interface). A type met again while it is being decided counts as
// ignored, which is right for the type being decided (it matters only
// through its other parts) but not for the types decided on the way: their
// answer may change once the outer type is decided, so it is not memoised
// unless it is already matters, which nothing can raise. Otherwise the
// answer would depend on which type was asked first.
func (t *trimmer) typ(typ types.Type) level {
	// Types made of others are decided through them, not memoised: each
	// mention of *T or []T is a type of its own, so a memo of them grows
	// with the code and is rarely hit. Only named types can be recursive.
	switch typ := typ.(type) {
	case nil, *types.Basic, *types.Struct:
		return ignored
	case *types.Pointer:
		return t.typ(typ.Elem())
	case *types.Slice:
		return t.typ(typ.Elem())
	case *types.Array:
		return t.typ(typ.Elem())
	case *types.Chan:
		return t.typ(typ.Elem())
	case *types.Map:
		return max(t.typ(typ.Key()), t.typ(typ.Elem()))
	case *types.Signature:
		// A handler's request is a server's: no analyzer follows it.
		handler := false
		for v := range typ.Params().Variables() {
			handler = handler || httpapi.ResponseWriter.Matches(v.Type())
		}
		v := t.typ(typ.Results())
		for p := range typ.Params().Variables() {
			if !handler || !httpapi.Request.MatchesPtr(p.Type()) {
				v = max(v, t.typ(p.Type()))
			}
		}
		return v
	case *types.Tuple:
		v := ignored
		for x := range typ.Variables() {
			v = max(v, t.typ(x.Type()))
		}
		return v
	}
	if v, ok := t.memo[typ]; ok {
		return v
	}
	if i, ok := t.deciding[typ]; ok {
		t.cut = min(t.cut, i)
		return ignored
	}
	depth := len(t.deciding)
	t.deciding[typ] = depth
	outer := t.cut
	t.cut = depth + 1 // no type from here down has met this one or an outer one yet
	v := t.compute(typ)
	delete(t.deciding, typ)
	if v == matters || t.cut >= depth {
		t.memo[typ] = v
	}
	t.cut = min(outer, t.cut)
	return v
}

func (t *trimmer) compute(typ types.Type) level {
	switch typ := typ.(type) {
	case *types.Alias:
		return t.typ(types.Unalias(typ))
	case *types.Named:
		obj := typ.Obj()
		if p := obj.Pkg(); p != nil && p != t.pkg {
			switch path := p.Path(); {
			case httpPkg(path):
				if httpapi.TypeFollow(typ) >= httpapi.Value {
					return matters
				}
				return t.typ(typ.Underlying())
			case sysPkg(path):
				return matters
			case path == "net":
				if httpapi.TypeFollow(typ) >= httpapi.Value {
					return matters
				}
				if closer(typ) {
					return helper // a connection or a listener
				}
				return ignored // an address, a buffer, a resolver's answer
			case path == "os" && obj.Name() == "File",
				path == "io" && strings.HasSuffix(obj.Name(), "Closer"):
				return helper
			}
		}
		return t.typ(typ.Underlying())
	case *types.Interface:
		v := ignored
		for fn := range typ.Methods() {
			v = max(v, t.typ(fn.Type()))
			if fn.Name() == "Close" {
				v = max(v, helper) // a closer by another name may hold a body or a file
			}
		}
		return v
	case *types.TypeParam:
		return t.typ(typ.Constraint())
	}
	return ignored
}

// closer reports whether typ (an interface) or a pointer to it has a
// Close method.
func closer(typ *types.Named) bool {
	var t types.Type = typ
	if !types.IsInterface(typ) {
		t = types.NewPointer(typ)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, false, typ.Obj().Pkg(), "Close")
	_, ok := obj.(*types.Func)
	return ok
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

// buildsURL reports whether fn returns a string, a url.URL or a *url.URL:
// maybe where a request goes (c.url(path) joining the client's base URL
// and a path), which idleperhost reads back to a host.
func buildsURL(fn *types.Func) bool {
	for v := range fn.Signature().Results().Variables() {
		t := v.Type()
		if b, ok := t.(*types.Basic); ok && b.Kind() == types.String || httpapi.URL.Matches(t) || httpapi.URL.MatchesPtr(t) {
			return true
		}
	}
	return false
}

// errorPredicate reports whether fn is a func(error) bool: the question a
// retry helper asks of each failure (postretry reads its body to see
// whether a stale connection's error can pass).
func errorPredicate(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	errType := types.Universe.Lookup("error").Type()
	return types.Identical(sig.Params().At(0).Type(), errType) &&
		types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool])
}

// bodySender reports whether fn, a function of another package that can
// reach net/http, returns an io.ReadCloser and an error: what a module's
// sender hands back when it returns a response's body (minio's storage
// REST Call), which respbody follows when a fact of that package says the
// body is open.
func bodySender(fn *types.Func, pkg *types.Package) bool {
	results := fn.Signature().Results()
	if fn.Pkg() == nil || fn.Pkg() == pkg || results.Len() != 2 ||
		!httpapi.ReadCloser.Matches(results.At(0).Type()) || !ssaflow.IsError(results.At(1).Type()) {
		return false
	}
	return Reaches(fn.Pkg(), httpapi.NetHTTP)
}
