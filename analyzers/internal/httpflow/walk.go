package httpflow

import (
	"go/token"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A Request is what the package does to the *http.Request values that a
// sent value may be: where they are made, which fields it stores, and the
// methods they go out with.
type Request struct {
	// Origins are the calls of http.NewRequest[WithContext] and the
	// http.Request allocations the value comes from.
	Origins []ssa.Value
	// Bodies are where the body arguments of those calls come from, walked
	// back in the calls that led to them (a site's, see [Sites]).
	Bodies []*ssaflow.Origins
	// Nil: a source is nil. Opaque: a source is neither nil nor an origin.
	Nil, Opaque bool
	// Flow is where the origins go (the tracer's view); nil without them.
	Flow *ssaflow.Flow
	// Stores are the stores to the requests' fields, in the order found.
	Stores []FieldStore
	// HeaderLoads are the loads of their Header field.
	HeaderLoads []*ssa.UnOp
	// Methods are the methods the requests may have: the method given to
	// NewRequest (walked back to its sources) or GET for a literal, unless
	// the package stores constants in Method, which override them ("" reads
	// as GET, as net/http does). MethodsKnown is false when one is not a
	// constant; Methods are then those that are.
	Methods      []string
	MethodsKnown bool
	// walked are the values the walks back went through: the requests'
	// and their methods'.
	walked []ssa.Value
}

// A FieldStore is a store to a field of a request.
type FieldStore struct {
	Field httpapi.Field
	Store *ssa.Store
}

// requestFields are the fields whose stores a [Request] records.
var requestFields = []httpapi.Field{httpapi.RequestMethod, httpapi.RequestBody, httpapi.RequestClose,
	httpapi.RequestGetBody, httpapi.RequestHeader}

// Walk reads the requests that origins (the sources of a sent value, found
// with back) lead to: one walk over their construction and their fields
// serves every question about them.
func Walk(back *ssaflow.Backtracer, tracer *ssaflow.Tracer, origins *ssaflow.Origins) *Request {
	r := &Request{MethodsKnown: true, walked: origins.Values}
	var made []string
	var roots []ssa.Value
	for _, src := range origins.Sources {
		v := src.Value
		switch a, isAlloc := v.(*ssa.Alloc); {
		case ssaflow.IsNil(v):
			r.Nil = true
		case IsNewRequest(v):
			call, args := NewRequest(v)
			made = r.methodsOf(made, back.SourcesAt(src, args[0]))
			r.Bodies = append(r.Bodies, back.SourcesAt(src, args[2]))
			r.Origins = append(r.Origins, call)
			roots = append(roots, v)
		case isAlloc && httpapi.Request.MatchesPtr(a.Type()):
			made = append(made, "GET")
			r.Origins = append(r.Origins, v)
			roots = append(roots, v)
		default:
			r.Opaque = true
		}
	}
	if len(roots) == 0 {
		r.MethodsKnown = false
		return r
	}
	// A request derived with WithContext or Clone on the way to the send
	// is the one sent: what the package stores in it counts too.
	for _, v := range origins.Values {
		if Derived(v) != nil {
			roots = append(roots, v)
		}
	}
	r.Flow = tracer.Trace(roots...)
	var stored []string
	for _, fv := range r.Flow.Values {
		for _, ref := range tracer.Index.Referrers(fv) {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != fv {
				continue
			}
			f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
			i := slices.IndexFunc(requestFields, func(rf httpapi.Field) bool { return rf.Matches(fa.X.Type(), f) })
			if i < 0 {
				continue
			}
			for _, use := range *fa.Referrers() {
				switch use := use.(type) {
				case *ssa.Store:
					if use.Addr != fa {
						continue
					}
					r.Stores = append(r.Stores, FieldStore{requestFields[i], use})
					if requestFields[i] == httpapi.RequestMethod {
						stored = r.methodsOf(stored, back.Sources(use.Val))
					}
				case *ssa.UnOp:
					if use.Op == token.MUL && requestFields[i] == httpapi.RequestHeader {
						r.HeaderLoads = append(r.HeaderLoads, use)
					}
				}
			}
		}
	}
	r.Methods = made
	if len(stored) > 0 {
		r.Methods = stored
	}
	slices.Sort(r.Methods)
	r.Methods = slices.Compact(r.Methods)
	return r
}

// methodsOf adds to methods the constants a method value comes from, and
// records a source that is not one.
func (r *Request) methodsOf(methods []string, o *ssaflow.Origins) []string {
	r.walked = append(r.walked[:len(r.walked):len(r.walked)], o.Values...)
	for _, src := range o.Sources {
		m, ok := ssaflow.ConstString(src.Value)
		if !ok {
			r.MethodsKnown = false
			continue
		}
		methods = append(methods, MethodOrGet(m))
	}
	return methods
}

// A Site is one way the package reaches the send of a request: through
// Calls, innermost first (none: every way at once), with the requests
// that come through them.
type Site struct {
	Calls   []*ssa.Call
	Request *Request
}

// Bounds on the sites of one request and on the calls of one site.
const maxSites, maxCalls = 32, 8

// Sites splits the requests that v, a value sent in its function, may be by
// the package's calls of that function, when their methods are several or
// not all constants and the walk back from v passes a parameter of it
// (a helper given the method or the request): each call is then one site,
// resolved with the function's parameters bound to its arguments, and is
// split again the same way. When the function may also have callers the
// package does not show (see back.CallersSeen), such as an exported
// Do(ctx, method, path) that the package calls with constant POSTs, the
// function's own site follows its calls and stands for the callers not
// shown, with the parameters unbound. Without such calls the site is the
// function's own. A value no function holds (a package-level request sent
// as &req) has only its own site.
func Sites(back *ssaflow.Backtracer, tracer *ssaflow.Tracer, v ssa.Value) []Site {
	if v.Parent() == nil {
		return []Site{{Request: Walk(back, tracer, back.SourcesVia(nil, v))}}
	}
	var out []Site
	var split func(calls []*ssa.Call)
	split = func(calls []*ssa.Call) {
		o := back.SourcesVia(calls, v)
		r := Walk(back, tracer, o)
		fn := v.Parent()
		if len(calls) > 0 {
			fn = calls[len(calls)-1].Parent()
		}
		callers, unseen := siteCalls(back, v.Parent(), calls)
		own := Site{Calls: calls, Request: r}
		n := len(callers)
		if unseen {
			n++ // the own site
		}
		if len(callers) > 0 && len(out)+n <= maxSites && (!r.MethodsKnown || len(r.Methods) > 1) &&
			passesParam(r.walked, fn) {
			for _, c := range callers {
				split(append(calls[:len(calls):len(calls)], c))
			}
			if unseen {
				out = append(out, own)
			}
			return
		}
		out = append(out, own)
	}
	split(nil)
	return out
}

// siteCalls returns the calls of the outermost function of a chain that
// starts in inner, when they are plain calls from functions not already in
// the chain, and whether the function may also have callers the package
// does not show; no calls otherwise.
func siteCalls(back *ssaflow.Backtracer, inner *ssa.Function, chain []*ssa.Call) (calls []*ssa.Call, unseen bool) {
	stack := []*ssa.Function{inner}
	for _, c := range chain {
		stack = append(stack, c.Parent())
	}
	fn := stack[len(stack)-1]
	unseen = back.Index.MayHaveUnseenCallers(fn)
	if back.CallersSeen != nil {
		unseen = !back.CallersSeen(fn)
	}
	if len(chain) >= maxCalls {
		return nil, unseen
	}
	for _, c := range back.Index.Callers(fn) {
		call, ok := c.(*ssa.Call)
		if !ok || slices.Contains(stack, call.Parent()) {
			return nil, unseen
		}
		calls = append(calls, call)
	}
	return calls, unseen
}

// passesParam reports whether walks back went through a parameter of fn.
func passesParam(walked []ssa.Value, fn *ssa.Function) bool {
	return slices.ContainsFunc(walked, func(v ssa.Value) bool {
		p, ok := v.(*ssa.Parameter)
		return ok && p.Parent() == fn
	})
}
