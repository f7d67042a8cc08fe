package respbody

import (
	"go/ast"
	"go/types"
	"slices"
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
	// target is the parameter or free variable of fn that every fresh
	// response's decode target comes from (see [decodeTarget]), or nil:
	// the responses are open only when the caller gives a nil target.
	target ssa.Value
	// guard is the guard that has one value on every path handing back
	// a fresh response (see [resultGuard]), or one of parameter -1.
	guard returnGuard
	// cancel is the result that, on every return handing back a fresh
	// response, holds a CancelFunc that ends the response's request (see
	// [state.returnedCancel]), or -1.
	cancel int
	// same holds the results that every producing call whose response fn
	// returns hands it back in together (`return res, res, nil`, the
	// response for its headers and as the payload), or nil: one response,
	// handed on by the caller if any of them is.
	same    []int
	senders int // producing calls whose response fn returns
	// noContent: fn hands back no body for a bodiless status, so its
	// callers that drop the result expect one (see [noContent]).
	noContent bool
}

// returns records a producing call whose response fn returns in the
// results returned, the parameter of fn that its method comes from (-1 if none), the
// parameter or free variable its decode target comes from (nil if none)
// and the result handing back a CancelFunc of its request (-1 if none):
// the fresh responses answer HEAD, are read into a target, or are ended
// by a cancel, by the caller's argument or result only if all share one.
func (r *funcResult) returns(returned map[int]kind, param int, target ssa.Value, guard returnGuard, cancel int) {
	same := make([]int, 0, len(returned))
	for i := range returned {
		same = append(same, i)
	}
	sort.Ints(same)
	switch {
	case r.senders == 0:
		r.headParam, r.target, r.guard, r.cancel, r.same = param, target, guard, cancel, same
	default:
		r.same = slices.DeleteFunc(r.same, func(i int) bool { return !slices.Contains(same, i) })
		if param != r.headParam {
			r.headParam = -1
		}
		if target != r.target {
			r.target = nil
		}
		if guard != r.guard {
			r.guard = noGuard
		}
		if cancel != r.cancel {
			r.cancel = -1
		}
	}
	r.senders++
}

// argOf returns the argument that call gives for v, a parameter or free
// variable of body, the function it calls (or, for a retry helper, its
// operation op): the argument itself, or the closure's binding. A v of
// call's own function (a closure's target traced back through its
// binding) is itself.
func argOf(call *ssa.Call, body *ssa.Function, op ssa.Value, v ssa.Value) ssa.Value {
	common := call.Common()
	if p, ok := v.(interface{ Parent() *ssa.Function }); ok && p.Parent() == call.Parent() {
		return v
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		if i := slices.Index(body.Params, v); i >= 0 && i < len(common.Args) && op == nil {
			return common.Args[i]
		}
	case *ssa.FreeVar:
		if op == nil {
			op = common.Value
		}
		if mc, ok := op.(*ssa.MakeClosure); ok {
			if i := slices.Index(body.FreeVars, v); i >= 0 && i < len(mc.Bindings) {
				return mc.Bindings[i]
			}
		}
	}
	return nil
}

// function analyses the responses that fn produces (once; memoised, since
// callers ask for fn's fresh results).
func (s *state) function(fn *ssa.Function) *funcResult {
	if r, ok := s.funcs[fn]; ok {
		return r
	}
	r := &funcResult{fresh: make(map[int]kind), headParam: -1, guard: noGuard, cancel: -1}
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
	// same holds the other results of the package's wrapper that hold the
	// same response as resp, with their kinds (see [funcResult.same]).
	same map[int]kind
	head bool
	// silent: the request goes to a path that the package's own handlers
	// answer with no body (see [state.silent]).
	silent  bool
	decider ssa.Value // the argument the request's method comes from, or nil
	upgrade bool      // the request asks for a protocol upgrade
	unseen  bool      // recognised by its signature alone
	// noContent: the package's wrapper hands back no body when the
	// status has none ([funcResult.noContent]).
	noContent bool
	// guard is the argument (or the field of one) that, when it is not
	// guardOpen, makes the package's wrapper hand back no open response
	// (see [resultGuard]), or nil.
	guard     ssa.Value
	guardOpen bool
	guardOf   guard // the wrapper's guard that guard is the argument for
	// target is the parameter or free variable of the calling function
	// that the decode target given to the sender comes from: the body is
	// read into it unless the caller of that function gives nil.
	target ssa.Value
	// cancel is the result of the call, a wrapper of the package, that
	// holds a CancelFunc ending the response's request (see
	// [funcResult.cancel]), or nil.
	cancel *ssa.Extract
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
			return producer{resp: 0, err: 1, k: respKind, head: s.isHead(common, fn, req, false), decider: req, upgrade: upgradeRequest(common),
				silent: s.silent(common, fn, req)}, true
		}
	}
	results := common.Signature().Results()
	if body := callee.Body(common); body != nil && body.Pkg == s.pkg {
		r := s.function(body)
		fresh := r.fresh
		if len(fresh) == 0 {
			return producer{}, false
		}
		var target ssa.Value
		if r.target != nil {
			arg := argOf(call, body, nil, r.target)
			if arg == nil {
				return producer{}, false
			}
			var consumed bool
			if target, consumed = s.decodeInto(arg); consumed {
				return producer{}, false
			}
		}
		idx := make([]int, 0, len(fresh))
		for i := range fresh {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		if handled(body) {
			return producer{}, false
		}
		p := producer{resp: idx[0], err: -1, k: fresh[idx[0]], target: target, noContent: r.noContent}
		if len(r.same) > 1 && r.same[0] == idx[0] {
			p.same = make(map[int]kind, len(r.same)-1)
			for _, i := range r.same[1:] {
				p.same[i] = fresh[i]
			}
		}
		if g := r.guard; g.param >= 0 && g.param < len(common.Args) {
			v, on, known := guardArg(call, common.Args[g.param], g.guard)
			if known && on != g.open {
				return producer{}, false // the caller asks for no open response
			}
			p.guard, p.guardOpen, p.guardOf = v, g.open, g.guard
		}
		if i := r.headParam; i >= 0 && i < len(common.Args) {
			p.decider = common.Args[i]
			p.head = s.isHead(common, fn, p.decider, false)
		}
		if n := results.Len(); n > 1 && ssaflow.IsError(results.At(n-1).Type()) {
			p.err = n - 1
		}
		if r.cancel >= 0 {
			p.cancel, _ = ssaflow.CallResult(call, r.cancel).(*ssa.Extract)
		}
		return p, true
	}
	if fn != nil && fn.Pkg() != s.pkg.Pkg && !common.IsInvoke() {
		if f := s.made[fn]; f != nil {
			// A sender of another package of the module: as one of the
			// package's own wrappers, but for a decode target its
			// signature shows, which it may read the body into on a path
			// its fact does not tell (a nil target, lego's sender).
			target, consumed := s.callDecoding(call)
			if consumed {
				return producer{}, false
			}
			p := producer{resp: f.Result, err: f.Err, k: kind(f.Kind), noContent: f.NoContent, target: target}
			if i := f.HeadParam; i >= 0 && i < len(common.Args) {
				p.decider = common.Args[i]
				p.head = s.isHead(common, fn, p.decider, false)
			}
			return p, true
		}
	}
	if fn != nil && s.std(fn.Pkg()) {
		return producer{}, false // the table covers the standard library
	}
	if fn != nil && fn.Pkg() == s.pkg.Pkg && !common.IsInvoke() {
		// A function of the package whose body was not built (see
		// ssapass's trim): one respbody cannot see, so quiet.
		return producer{}, false
	}
	if isSender(results) {
		target, consumed := s.callDecoding(call)
		if consumed {
			return producer{}, false
		}
		req := requestArg(common)
		decider := req
		if decider == nil {
			decider = methodArg(common)
		}
		return producer{resp: 0, err: 1, k: respKind, unseen: true, head: s.isHead(common, fn, decider, true), decider: req, upgrade: upgradeRequest(common), target: target}, true
	}
	return producer{}, false
}

// isSender reports whether results are those of a sender,
// (*http.Response, error).
func isSender(results *types.Tuple) bool {
	return results.Len() == 2 && isResponse(results.At(0).Type()) && ssaflow.IsError(results.At(1).Type())
}

// A decode target is the argument a sender the package cannot see is
// given for a parameter of type any: where an SDK's sender decodes the
// body (lego's sender.Doer.Get(ctx, url, response any), an API client's
// Do(ctx, req, v any)). By that convention the sender reads the body into
// a target it is given, and closes it or reads it to EOF (a connection
// back in the pool: bodyEOFSignal in net/http/transport.go), before it
// returns the response for its status and headers; with a nil target it
// hands the body back unread.

// decodeTarget returns the argument of the last parameter of type any of
// a call, or nil.
func decodeTarget(common *ssa.CallCommon) ssa.Value {
	sig := common.Signature()
	params := sig.Params()
	offset := len(common.Args) - params.Len() // a static method's receiver
	var arg ssa.Value
	for i := range params.Len() {
		t, ok := types.Unalias(params.At(i).Type()).(*types.Interface)
		if ok && t.Empty() && !(sig.Variadic() && i == params.Len()-1) && offset+i >= 0 {
			arg = common.Args[offset+i]
		}
	}
	return arg
}

// decodeInto tells what a sender does with the body given arg as its
// decode target: consumed when arg is not nil, or a parameter or free
// variable of the calling function, target, when it comes only from one
// (and nil): then the caller's argument decides. Neither when arg is nil.
func (s *state) decodeInto(arg ssa.Value) (target ssa.Value, consumed bool) {
	for _, src := range s.local.Sources(arg).Sources {
		v := ssaflow.Unconverted(src.Value)
		switch v.(type) {
		case *ssa.Parameter, *ssa.FreeVar:
			if target != nil && target != v {
				return nil, true
			}
			target = v
		default:
			if !ssaflow.IsNil(v) {
				return nil, true
			}
		}
	}
	return target, false
}

// callDecoding tells what the sender call, of code the package cannot
// see, does with the body (see [state.decodeInto]): by its own decode
// target, or, for a retry helper returning its operation's response
// (backoff v5's Retry, RetryWithData), by what the operation's sends do
// ([state.decoding]).
func (s *state) callDecoding(call *ssa.Call) (target ssa.Value, consumed bool) {
	common := call.Common()
	if httpapi.IsRetrier(callee.Func(common)) {
		op, opVal := s.operation(common)
		if op == nil || op.Pkg != s.pkg {
			return nil, false
		}
		target, ok := s.decoding(op)
		switch {
		case !ok:
			return nil, false
		case target == nil:
			return nil, true
		}
		if arg := argOf(call, op, opVal, target); arg != nil {
			return s.decodeInto(arg)
		}
		return nil, false
	}
	if arg := decodeTarget(common); arg != nil {
		return s.decodeInto(arg)
	}
	return nil, false
}

// decoding returns (memoised) what the sends that fn makes, directly or
// through the package's functions and retry helpers, do with their
// bodies: each reads its body into a decode target, or into the one that
// target, a parameter or free variable of fn, gives (open when fn's
// caller gives nil). ok is false when fn sends nothing, or some send may
// leave its body open whatever fn's caller gives, or two follow different
// targets.
func (s *state) decoding(fn *ssa.Function) (target ssa.Value, ok bool) {
	if r, done := s.decodings[fn]; done {
		return r.target, r.ok
	}
	s.decodings[fn] = decodingResult{} // recursion: unknown
	sends := 0
	ok = true
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, isCall := instr.(*ssa.Call)
			if !isCall || !ok {
				continue
			}
			common := call.Common()
			fn := callee.Func(common)
			var t ssa.Value
			var consumed bool
			body := callee.Body(common)
			switch {
			case fn != nil && (httpapi.ProducerMethods.Matches(fn) || httpapi.ProducerFuncs.Matches(fn)):
				ok = false
				continue
			case body != nil && body.Pkg == s.pkg:
				sub, subOK := s.decoding(body)
				if !subOK {
					if isSender(common.Signature().Results()) {
						ok = false
					}
					continue
				}
				if sub != nil {
					arg := argOf(call, body, nil, sub)
					if arg == nil {
						ok = false
						continue
					}
					t, consumed = s.decodeInto(arg)
				} else {
					consumed = true
				}
			case isSender(common.Signature().Results()) && (fn == nil || !s.std(fn.Pkg())):
				t, consumed = s.callDecoding(call)
			default:
				continue
			}
			sends++
			switch {
			case consumed:
			case t == nil, target != nil && t != target:
				ok = false
			default:
				target = t
			}
		}
	}
	ok = ok && sends > 0
	s.decodings[fn] = decodingResult{target, ok}
	return target, ok
}

type decodingResult struct {
	target ssa.Value
	ok     bool
}

// operation returns the function of the package that a retry helper's
// call retries, and the value the call gives it (a closure or the
// function), or nil.
func (s *state) operation(common *ssa.CallCommon) (*ssa.Function, ssa.Value) {
	for _, arg := range common.Args {
		switch v := ssaflow.Unconverted(arg).(type) {
		case *ssa.MakeClosure:
			return v.Fn.(*ssa.Function), v
		case *ssa.Function:
			return v, v
		}
	}
	return nil, nil
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
