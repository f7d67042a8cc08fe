package respbody

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// funcResult is what analysing a function's own responses found that its
// callers need: the results that hand them a fresh, open response.
type funcResult struct {
	fresh map[int]kind
}

// function analyses the responses that fn produces (once; memoised, since
// callers ask for fn's fresh results).
func (s *state) function(fn *ssa.Function) *funcResult {
	if r, ok := s.funcs[fn]; ok {
		return r
	}
	r := &funcResult{fresh: make(map[int]kind)}
	s.funcs[fn] = r // a recursive call sees no fresh results: quiet
	if !s.tests && report.InTest(s.pass.Fset, fn.Pos()) {
		// Only tests call test code: with nothing reported there, its
		// responses need not be followed.
		return r
	}
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if p, ok := s.producer(call); ok {
				s.source(fn, call, b, i, p, r)
			}
		}
	}
	return r
}

// A producer describes a call that returns a fresh response: the result
// holding it, the result holding the error (-1 if none), and whether it
// comes from a HEAD request (no body to read).
type producer struct {
	resp, err int
	k         kind
	head      bool
	upgrade   bool // the request asks for a protocol upgrade
	unseen    bool // recognised by its signature alone
}

// producer reports whether call returns a fresh response: a net/http call
// from the table, an in-package function that hands back one of its own
// open responses, or a function the package cannot see (another package's,
// a function value or an interface method) with the signature of one,
// func(...) (*http.Response, error).
func (s *state) producer(call *ssa.Call) (producer, bool) {
	common := call.Common()
	fn := callee.Func(common)
	if fn != nil {
		if httpapi.ProducerMethods.Matches(fn) || httpapi.ProducerFuncs.Matches(fn) {
			if inMemory(common, fn) {
				return producer{}, false
			}
			return producer{resp: 0, err: 1, k: respKind, head: s.isHead(common, fn), upgrade: upgradeRequest(common)}, true
		}
	}
	results := common.Signature().Results()
	if body := callee.Body(common); body != nil && body.Pkg == s.pkg {
		fresh := s.function(body).fresh
		if len(fresh) == 0 {
			return producer{}, false
		}
		idx := make([]int, 0, len(fresh))
		for i := range fresh {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		if handled(body) {
			return producer{}, false
		}
		p := producer{resp: idx[0], err: -1, k: fresh[idx[0]]}
		if n := results.Len(); n > 1 && isError(results.At(n-1).Type()) {
			p.err = n - 1
		}
		return p, true
	}
	if fn != nil && s.std(fn.Pkg()) {
		return producer{}, false // the table covers the standard library
	}
	if fn != nil && fn.Pkg() == s.pkg.Pkg && !common.IsInvoke() {
		// A function of the package whose body was not built (see
		// ssapass's trim): one respbody cannot see, so quiet.
		return producer{}, false
	}
	if results.Len() == 2 && isResponse(results.At(0).Type()) && isError(results.At(1).Type()) {
		return producer{resp: 0, err: 1, k: respKind, unseen: true, head: s.isHead(common, fn), upgrade: upgradeRequest(common)}, true
	}
	return producer{}, false
}

// handled reports whether fn's doc comment says that its callers need not
// close the responses it returns, with bodyclose's directive
// (//bodyclose:handled), honoured so that code annotated for the peer
// linter is not reported again.
func handled(fn *ssa.Function) bool {
	decl, ok := fn.Syntax().(*ast.FuncDecl)
	if !ok || decl.Doc == nil {
		return false
	}
	for _, c := range decl.Doc.List {
		if strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(c.Text, "//")), "bodyclose:handled") {
			return true
		}
	}
	return false
}

// isHead reports whether a producing call sends a HEAD request, whose
// response has no body.
func (s *state) isHead(common *ssa.CallCommon, fn *types.Func) bool {
	if httpapi.ClientHead.Matches(fn) || httpapi.Head.Matches(fn) {
		return true
	}
	// Do, RoundTrip and look-alikes: the request argument.
	var req ssa.Value
	for _, arg := range common.Args {
		if httpapi.Request.MatchesPtr(arg.Type()) {
			req = arg
		}
	}
	if req == nil {
		return false
	}
	return s.method(req) == "HEAD"
}

// method returns the constant method that request req is built with, or
// "" if it is not known: every source of req (nil aside: no request, no
// response) is a call of http.NewRequest[WithContext] with that constant.
// The walk back goes through WithContext and Clone and into the package's
// own request constructors, where the method parameter is the argument of
// the call.
func (s *state) method(req ssa.Value) string {
	method := ""
	for _, src := range s.back.Sources(req).Sources {
		if ssaflow.IsNil(src.Value) {
			continue
		}
		m := s.newRequestMethod(src)
		if m == "" || method != "" && m != method {
			return ""
		}
		method = m
	}
	return method
}

// newRequestMethod returns the constant method of a request built by
// http.NewRequest[WithContext], or "".
func (s *state) newRequestMethod(src ssaflow.Source) string {
	if !isNewRequest(src.Value) {
		return ""
	}
	v := src.Value
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	args := v.(*ssa.Call).Call.Args
	arg := args[0]
	if len(args) == 4 { // NewRequestWithContext
		arg = args[1]
	}
	method := ""
	for _, m := range s.back.SourcesAt(src, arg).Sources {
		c, ok := ssaflow.ConstString(m.Value)
		if !ok || method != "" && c != method {
			return ""
		}
		method = c
	}
	return method
}

// isNewRequest reports whether v is the request that a call of
// http.NewRequest[WithContext] returns.
func isNewRequest(v ssa.Value) bool {
	if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	fn := callee.Func(&call.Call)
	return httpapi.NewRequest.Matches(fn) || httpapi.NewRequestWithContext.Matches(fn)
}

// derived returns the request that v, a call of WithContext or Clone,
// derives from.
func derived(v ssa.Value) []ssa.Value {
	if call, ok := v.(*ssa.Call); ok {
		if fn := callee.Func(&call.Call); httpapi.RequestWithContext.Matches(fn) || httpapi.RequestClone.Matches(fn) {
			return call.Call.Args[:1]
		}
	}
	return nil
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
