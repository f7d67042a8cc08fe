package respbody

import (
	"go/ast"
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
	// headParam is the parameter that decides whether the fresh
	// responses answer HEAD (see [state.methodParam]), or -1.
	headParam int
	senders   int // producing calls whose response fn returns
}

// returns records a producing call whose response fn returns, and the
// parameter of fn that its method comes from (-1 if none): the fresh
// responses answer HEAD by the caller's argument only if all come from one.
func (r *funcResult) returns(param int) {
	switch {
	case r.senders == 0:
		r.headParam = param
	case param != r.headParam:
		r.headParam = -1
	}
	r.senders++
}

// function analyses the responses that fn produces (once; memoised, since
// callers ask for fn's fresh results).
func (s *state) function(fn *ssa.Function) *funcResult {
	if r, ok := s.funcs[fn]; ok {
		return r
	}
	r := &funcResult{fresh: make(map[int]kind), headParam: -1}
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
	decider   ssa.Value // the argument the request's method comes from, or nil
	upgrade   bool      // the request asks for a protocol upgrade
	unseen    bool      // recognised by its signature alone
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
			req := requestArg(common)
			return producer{resp: 0, err: 1, k: respKind, head: s.isHead(common, fn, req, false), decider: req, upgrade: upgradeRequest(common)}, true
		}
	}
	results := common.Signature().Results()
	if body := callee.Body(common); body != nil && body.Pkg == s.pkg {
		r := s.function(body)
		fresh := r.fresh
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
		if i := r.headParam; i >= 0 && i < len(common.Args) {
			p.decider = common.Args[i]
			p.head = s.isHead(common, fn, p.decider, false)
		}
		if n := results.Len(); n > 1 && ssaflow.IsError(results.At(n-1).Type()) {
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
	if results.Len() == 2 && isResponse(results.At(0).Type()) && ssaflow.IsError(results.At(1).Type()) {
		req := requestArg(common)
		return producer{resp: 0, err: 1, k: respKind, unseen: true, head: s.isHead(common, fn, req, true), decider: req, upgrade: upgradeRequest(common)}, true
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
