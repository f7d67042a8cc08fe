package idleperhost

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A target is where a request goes, as far as the package shows: one
// constant host, or one base URL held in a struct field, a captured
// variable or a package variable. The zero target is unknown.
type target struct {
	scheme, host string          // a constant scheme and host[:port]
	base         any             // *types.Var (field), *ssa.Alloc (captured variable) or *ssa.Global holding the base URL; a reverse proxy's construction (see proxyTarget)
	owner        *types.TypeName // for a field, the struct type that declares it
	name         string          // the base, as the message names it
	// burst: the requests that goroutines started in one loop send at
	// once, to one host (see [state.burstTarget]); base is the start.
	burst bool
}

func (t target) known() bool { return t.host != "" || t.base != nil }

func (t target) String() string {
	if t.host != "" {
		return t.host
	}
	if _, ok := t.base.(ssa.CallInstruction); ok {
		return t.name
	}
	return "the base URL in " + t.name
}

// A kind is what a resolved value is: a URL string, a *url.URL or an
// *http.Request.
type kind int

const (
	kindString kind = iota
	kindURL
	kindRequest
	kindProxy // a reverse proxy made by NewSingleHostReverseProxy: its target URL
)

type memoKey struct {
	v ssa.Value
	k kind
}

// maxDepth bounds how deep resolve nests: the arguments of calls that build
// URLs and requests, the values stored in variables.
const maxDepth = 12

// resolve returns where the URL, URL value or request v points: the target
// that every source of v agrees on.
func (s *state) resolve(v ssa.Value, k kind, depth int) target {
	key := memoKey{v, k}
	if t, ok := s.memo[key]; ok {
		return t
	}
	if depth > maxDepth {
		return target{}
	}
	s.memo[key] = target{} // a cycle resolves to unknown
	o := s.back.Sources(v)
	var t target
	for i, src := range o.Sources {
		ti := s.source(src.Value, k, depth+1)
		if !ti.known() || (i > 0 && ti != t) {
			t = target{}
			break
		}
		t = ti
	}
	if k == kindRequest && t.known() && slices.ContainsFunc(o.Values, func(v ssa.Value) bool { return httpflow.URLRewritten(s.x, v) }) {
		t = target{}
	}
	s.memo[key] = t
	return t
}

// all resolves vs and returns their common target, if they have one.
func (s *state) all(vs []ssa.Value, k kind, depth int) target {
	var t target
	for i, v := range vs {
		ti := s.resolve(v, k, depth)
		if !ti.known() || (i > 0 && ti != t) {
			return target{}
		}
		t = ti
	}
	return t
}

// builders are the standard-library calls that make a URL or a request
// from another: [state.call] reads them, the walk back stops at them.
var builders = []httpapi.Callee{
	httpapi.URLString, httpapi.URLJoinPath, httpapi.Sprintf, httpapi.PathJoin, httpapi.StringsTrimEnd,
	httpapi.URLParse, httpapi.URLParseReq, httpapi.URLJoinPathURL, httpapi.URLResolveReference, httpapi.URLParseRef,
	httpapi.NewRequest, httpapi.NewRequestWithContext, httpapi.RequestWithContext, httpapi.RequestClone,
}

// stop reports whether resolve reads v itself rather than walking back
// through it: a call of a builder, or a load of a local variable (which
// may be a base URL in its own right; see [state.variable]).
func stop(v ssa.Value) bool {
	if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
		v = ex.Tuple
	}
	switch v := v.(type) {
	case *ssa.Call:
		fn := callee.Func(v.Common())
		return !v.Common().IsInvoke() && slices.ContainsFunc(builders, func(b httpapi.Callee) bool { return b.Matches(fn) })
	case *ssa.UnOp:
		switch v.X.(type) {
		case *ssa.Alloc, *ssa.FreeVar:
			return v.Op == token.MUL
		}
	}
	return false
}

// source resolves a source of a value (see [ssaflow.Backtracer]).
func (s *state) source(v ssa.Value, k kind, depth int) target {
	switch v := v.(type) {
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			if t, ok := s.call(call, k, depth); ok {
				return t
			}
		}
	case *ssa.Call:
		if t, ok := s.call(v, k, depth); ok {
			return t
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		switch v.X.(type) {
		case *ssa.Alloc, *ssa.FreeVar:
			return s.variable(v.X, k, depth)
		}
		if k != kindRequest {
			return baseOf(v.X)
		}
	case *ssa.Field:
		if k != kindRequest {
			if f := ssaflow.FieldOf(v.X.Type(), v.Field); f != nil {
				return fieldBase(f, v.X.Type())
			}
		}
	case *ssa.Const:
		if str, ok := ssaflow.ConstString(v); k == kindString && ok {
			return hostTarget(str, true)
		}
	case *ssa.BinOp:
		if k == kindString && v.Op == token.ADD {
			return s.concat(v, depth)
		}
	case *ssa.Alloc:
		switch k {
		case kindURL:
			if from := copiedURL(v); from != nil {
				return s.resolve(from, kindURL, depth)
			}
			return s.urlLiteral(v)
		case kindRequest:
			return s.requestLiteral(v, depth)
		}
	}
	return target{}
}

// callersComplete reports whether the package's static calls of fn are all
// its calls. Unexported methods count too: other packages cannot name them,
// so only a method value or an interface of this package declaring the name
// could call them unseen.
func (s *state) callersComplete(fn *ssa.Function) bool {
	if !s.x.MayHaveUnseenCallers(fn) {
		return true
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Exported() || fn.Signature.Recv() == nil || s.x.UsedAsValue(fn) {
		return false
	}
	if s.ifaceMethods == nil {
		s.ifaceMethods = make(map[string]bool)
		for _, tv := range s.pass.TypesInfo.Types {
			if iface, ok := tv.Type.Underlying().(*types.Interface); ok {
				for m := range iface.Methods() {
					s.ifaceMethods[m.Name()] = true
				}
			}
		}
	}
	return !s.ifaceMethods[obj.Name()]
}

// variable resolves a load of a local variable that closures capture (an
// Alloc, or the free variable bound to it) through every store into it. A
// variable that holds only a parameter of the function that declares it,
// say the base URL a constructor is given, is a base URL in its own right:
// one per call (whether the transport is one per call too, the caller
// checks).
func (s *state) variable(addr ssa.Value, k kind, depth int) target {
	allocs, stores, ok := s.x.Variable(addr)
	if !ok || len(stores) == 0 {
		return target{}
	}
	vals := make([]ssa.Value, len(stores))
	for i, st := range stores {
		vals[i] = st.Val
	}
	if t := s.all(vals, k, depth); t.known() || k == kindRequest || len(allocs) != 1 {
		return t
	}
	for _, v := range vals {
		if p, ok := v.(*ssa.Parameter); !ok || p.Parent() != allocs[0].Parent() {
			return target{}
		}
	}
	return target{base: allocs[0], name: allocs[0].Comment}
}

// baseOf returns the base URL loaded from addr: a struct field or a
// package variable.
func baseOf(addr ssa.Value) target {
	switch addr := addr.(type) {
	case *ssa.FieldAddr:
		if f := ssaflow.FieldOf(addr.X.Type(), addr.Field); f != nil {
			return fieldBase(f, addr.X.Type())
		}
	case *ssa.Global:
		return target{base: addr, name: addr.Name()}
	}
	return target{}
}

func fieldBase(f *types.Var, owner types.Type) target {
	tn := httpapi.NamedOf(owner)
	if tn == nil {
		return target{}
	}
	return target{base: f, owner: tn, name: tn.Name() + "." + f.Name()}
}

func isLoad(instr ssa.Instruction) bool {
	u, ok := instr.(*ssa.UnOp)
	return ok && u.Op == token.MUL
}
