package respbody

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

// A kind says what a tracked value is: the response or its body.
type kind uint8

const (
	respKind kind = iota + 1 // *http.Response
	bodyKind                 // resp.Body, or a reader or closer holding it
)

// An effect is what one instruction does to a tracked response.
type effect struct {
	// ends: the body is closed or read to EOF, or the response handed off:
	// the path is done.
	ends bool
	// mayClose: a function that closes the body on some of its paths; see
	// [summary.effect].
	mayClose bool
	// errReleases: a function that leaves the body open only where it
	// returns a nil error, and reads it to EOF where it fails; see
	// [summary.effect].
	errReleases bool
	close       bool // the body is (or may be) closed here
	read        bool // the body is (or may be) read here
	full        bool // the body is read to EOF here
	kept        bool // the response or body leaves what the package can see
	// attempt: stored in the variable a retried closure leaves its
	// response in (see [tracked.attemptVar]): kept if the closure
	// succeeds, lost to the next attempt if it fails.
	attempt bool
	// cancels: a deferred call of a CancelFunc that ends the response's
	// request when the function returns (see [state.contextDone]).
	cancels bool
	// notClosed is an in-package call that receives the response but does
	// not close it on every path (for the leak report's Related).
	notClosed ssa.CallInstruction
}

func (e *effect) merge(o effect) {
	e.ends = e.ends || o.ends
	e.mayClose = e.mayClose || o.mayClose
	e.errReleases = e.errReleases || o.errReleases
	e.close = e.close || o.close
	e.read = e.read || o.read
	e.full = e.full || o.full
	e.kept = e.kept || o.kept
	e.attempt = e.attempt || o.attempt
	e.cancels = e.cancels || o.cancels
	if e.notClosed == nil {
		e.notClosed = o.notClosed
	}
}

// A tracked response is one response followed through one function: the
// values that hold it or its body, labelled with their kind, and what each
// instruction does with it. It is flow-insensitive; [walk] adds the paths.
type tracked struct {
	s  *state
	fn *ssa.Function
	// start holds the guard the walk's paths start with: a guard of the
	// wrapper that produced the response, which fn's own parameter
	// decides (see [forwardedGuard]).
	start   []decision
	kinds   map[ssa.Value]int // by value, its kind
	effects map[ssa.Instruction]*effect
	// upgrade is set when the code checks for 101 Switching Protocols:
	// an upgrade attempt, whose failure needs no draining.
	upgrade bool
	// settled holds, for an If, the successor on which the body holds no
	// connection any more, so that the path needs nothing: a
	// bufio.Scanner's Scan of the body returned false (see
	// [tracked.scanner]), a read of the body failed or met EOF (see
	// [tracked.readErrors]), the request's context is done (see
	// [state.contextDone]).
	settled map[*ssa.If]int
	// cancelledAtExit: a deferred call cancels the request's context
	// when the function returns, and the transport then gives the
	// connection up: no return leaks it (see [state.contextDone]).
	cancelledAtExit bool
}

// track follows the values vals, and the variables at the addresses locs,
// through fn ([ssaflow.Tracer], kept to fn: calls, closures and returns
// are the effects of uses below).
func (s *state) track(fn *ssa.Function, vals, locs map[ssa.Value]kind) *tracked {
	t := &tracked{s: s, fn: fn, effects: make(map[ssa.Instruction]*effect), settled: make(map[*ssa.If]int)}
	var roots []ssaflow.Root
	for v, k := range vals {
		roots = append(roots, ssaflow.Root{Value: v, Label: int(k)})
	}
	for v, k := range locs {
		roots = append(roots, ssaflow.Root{Value: v, Loc: true, Label: int(k)})
	}
	tr := &ssaflow.Tracer{Index: s.index, Local: true, Use: t.use}
	t.kinds = tr.TraceRoots(roots...).Labels
	return t
}

// kind returns the kind of a value holding the response or its body, or 0.
func (t *tracked) kind(v ssa.Value) kind { return kind(t.kinds[v]) }

func (t *tracked) add(instr ssa.Instruction, e effect) {
	if old, ok := t.effects[instr]; ok {
		old.merge(e)
		return
	}
	t.effects[instr] = &e
}

var keptEffect = effect{ends: true, read: true, close: true, kept: true}

// readToEOF is a read that reaches io.EOF: the transport's bodyEOFSignal
// then hands the connection back to the idle pool (the fn that
// (*persistConn).readLoop gives it, in net/http/transport.go, sends true
// on waitForBodyRead), so the connection is reused whether or not Close
// follows. A failing read ends the connection instead; neither leaks.
var readToEOF = effect{ends: true, read: true, full: true}

// use records what one use of a value holding the response (or its body),
// or of the address of a variable holding it, does; it reports false for
// the copies the tracer follows by itself (phis, conversions, a variable's
// loads). Other uses are not followed: returns, for one, are the walk's.
func (t *tracked) use(u ssaflow.Use) bool {
	k := kind(u.Label)
	if u.Loc {
		return t.useLoc(u, k)
	}
	switch instr := u.Instr.(type) {
	case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface:
		return false
	case *ssa.TypeAssert:
		if !instr.CommaOk {
			return false
		}
		t.extract(u, instr, 0, k)
	case *ssa.UnOp:
		if k == respKind && instr.Op == token.MUL {
			t.copied(u, instr)
		}
	case *ssa.FieldAddr:
		if k == respKind && isBodyField(instr) {
			u.AddLoc(instr, int(bodyKind))
		}
	case *ssa.Store:
		if instr.Val == u.Value {
			t.store(u, instr, k)
		}
	case *ssa.MapUpdate, *ssa.Send, *ssa.Convert, *ssa.Slice:
		t.add(instr, keptEffect)
	case *ssa.Select:
		// A send case hands the response to the receiver. The select is
		// one instruction: its other cases are not followed apart.
		if slices.ContainsFunc(instr.States, func(st *ssa.SelectState) bool { return st.Send == u.Value }) {
			t.add(instr, keptEffect)
		}
	case *ssa.MakeClosure:
		t.closure(instr, u.Value, k, false)
	case ssa.CallInstruction:
		t.call(u, instr, k)
	}
	return true
}

// copied follows a copy of the response struct (`c := *resp`), whose Body
// is the response's: the address of a local variable holding it is the
// response again, and its Body field is the body. Any other use of the
// copy (an argument, a store elsewhere) hands the response off.
func (t *tracked) copied(u ssaflow.Use, cp *ssa.UnOp) {
	for _, ref := range *cp.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if alloc, ok := ref.Addr.(*ssa.Alloc); ok && alloc.Parent() == t.fn {
				u.Add(alloc, int(respKind))
				continue
			}
		case *ssa.Field:
			st := ref.X.Type().Underlying().(*types.Struct)
			if httpapi.ResponseBody.Matches(ref.X.Type(), st.Field(ref.Field)) {
				u.Add(ref, int(bodyKind))
			}
			continue
		case *ssa.DebugRef:
			continue
		}
		t.add(ref, keptEffect)
	}
}

// store follows the value into the variable it is stored in, or records a
// hand-off when the memory is not a local variable of this function (nor
// the variable of a retried closure's attempt).
func (t *tracked) store(u ssaflow.Use, s *ssa.Store, k kind) {
	if alloc, ok := s.Addr.(*ssa.Alloc); ok && alloc.Parent() == t.fn {
		u.AddLoc(alloc, int(k))
		return
	}
	if fv, ok := s.Addr.(*ssa.FreeVar); ok && t.attemptVar(fv) {
		u.AddLoc(fv, int(k))
		t.add(s, effect{attempt: true, kept: true})
		return
	}
	if call := ssaflow.VariadicCall(s.Addr); call != nil && call.Common().Signature().Variadic() {
		// An argument of a variadic call of code the package cannot see
		// (fmt.Println(resp), say); in-package variadic functions are
		// taken to keep it.
		common := call.Common()
		if callee.Body(common) == nil {
			sig := common.Signature()
			t.add(call, t.unseen(callee.Func(common), sig.Params().At(sig.Params().Len()-1).Type().(*types.Slice).Elem(), k))
			return
		}
	}
	t.add(s, keptEffect)
}

// useLoc records what one use of the address of a variable holding the
// response or its body does; loads are the tracer's.
func (t *tracked) useLoc(u ssaflow.Use, k kind) bool {
	switch instr := u.Instr.(type) {
	case *ssa.UnOp:
		return instr.Op != token.MUL
	case *ssa.Store:
		if instr.Val == u.Value {
			t.add(instr, keptEffect)
		}
	case *ssa.MakeClosure:
		t.closure(instr, u.Value, k, true)
	case *ssa.DebugRef:
	default:
		if _, isAddr := u.Value.(*ssa.FieldAddr); !isAddr {
			t.add(instr, keptEffect) // the address escapes
		} // else &resp.Body taken for something else: rare, ignored
	}
	return true
}

func (t *tracked) extract(u ssaflow.Use, tuple ssa.Value, i int, k kind) {
	for _, ref := range *tuple.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			u.Add(ex, int(k))
		}
	}
}

// closure handles a closure that captures the response (or the variable
// holding it). A closure called, deferred or started as a goroutine where
// it is made acts like a function taking it; any other closure is handed
// off.
func (t *tracked) closure(mc *ssa.MakeClosure, v ssa.Value, k kind, isLoc bool) {
	fn := mc.Fn.(*ssa.Function)
	var calls []ssa.CallInstruction
	for _, ref := range *mc.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok || call.Common().Value != mc {
			t.add(mc, keptEffect)
			return
		}
		calls = append(calls, call)
	}
	for i, b := range mc.Bindings {
		if b != v {
			continue
		}
		sum := t.s.summary(fn, fn.FreeVars[i], k, isLoc)
		for _, call := range calls {
			t.add(call, sum.effect(call))
		}
	}
}

// call handles the response or its body used by a call.
func (t *tracked) call(u ssaflow.Use, call ssa.CallInstruction, k kind) {
	v := u.Value
	if k == bodyKind {
		t.readErrors(call, v)
	}
	common := call.Common()
	if common.IsInvoke() && common.Value == v {
		if httpapi.CloserClose.Matches(common.Method) {
			t.add(call, effect{ends: true, close: true})
		} else {
			t.add(call, effect{read: true}) // Read, WriteTo and the like
		}
		return
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" || b.Name() == "copy" {
			t.add(call, keptEffect)
		}
		return
	}
	fn := callee.Func(common)
	args := common.Args
	switch {
	case fn == nil:
	case httpapi.ResponseWrite.Matches(fn): // writes the body and closes it
		t.add(call, effect{ends: true, close: true, read: true, full: true})
		return
	case httpapi.DumpResponse.Matches(fn):
		if on, _ := ssaflow.ConstBool(args[1]); on { // reads, closes and replaces the body
			t.add(call, effect{ends: true, close: true, read: true, full: true})
		}
		return
	case httpapi.MaxBytesReader.Matches(fn):
		if v == args[1] {
			if val := call.Value(); val != nil {
				u.Add(val, int(bodyKind))
			}
		}
		return
	}
	if fn != nil && t.fullRead(call, fn, v) {
		return
	}
	if body := callee.Body(common); body != nil && body.Pkg == t.s.pkg {
		for i, arg := range args {
			if arg != v || i >= len(body.Params) {
				continue
			}
			sum := t.s.summary(body, body.Params[i], k, false)
			t.add(call, sum.effect(call))
			if sum.returns && call.Value() != nil {
				t.results(u, call.Value(), k)
			}
		}
		return
	}
	t.unseenCall(call, fn, v, k)
}

// unseenCall handles the response or its body, v, passed to code the
// package cannot see: another package, a function value, an interface
// method.
func (t *tracked) unseenCall(call ssa.CallInstruction, fn *types.Func, v ssa.Value, k kind) {
	common := call.Common()
	sig := common.Signature()
	for i, arg := range common.Args {
		if arg != v {
			continue
		}
		if common.IsInvoke() || common.StaticCallee() == nil || sig.Recv() == nil {
			t.add(call, t.unseen(fn, paramType(sig, i), k))
		} else {
			// A static method call: Args[0] is the receiver.
			if i == 0 {
				t.add(call, t.unseen(fn, sig.Recv().Type(), k))
			} else {
				t.add(call, t.unseen(fn, paramType(sig, i-1), k))
			}
		}
	}
}

// readErrors ends the paths on which a read of the body v, starting at
// call, failed or met EOF (see [httpflow.ReadErrors]): on EOF the
// transport's bodyEOFSignal has handed the connection back to the idle
// pool, on any other error it has given the connection up (the fn that
// (*persistConn).readLoop gives it, in net/http/transport.go, sends
// isEOF on waitForBodyRead; the read loop closes a connection whose body
// was not read to EOF). io.ReadAll(io.LimitReader(resp.Body, n)) that
// fails has no connection left to leak; one that succeeds may have stopped
// at the limit, and its path goes on.
func (t *tracked) readErrors(call ssa.CallInstruction, v ssa.Value) {
	if mb, ok := ssaflow.Unconverted(v).(*ssa.Call); ok && httpapi.MaxBytesReader.Matches(callee.Func(&mb.Call)) {
		return // its reads also fail when the body is too long, short of EOF
	}
	for _, err := range httpflow.ReadErrors(call, v) {
		for _, e := range ssaflow.SetEdges(err) {
			t.settled[e.If] = e.Succ
		}
	}
}

// results marks the results of a call that hands the response back.
func (t *tracked) results(u ssaflow.Use, res ssa.Value, k kind) {
	if _, ok := res.Type().(*types.Tuple); !ok {
		u.Add(res, int(k))
		return
	}
	for _, ref := range *res.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && (isResponse(ex.Type()) || isInterface(ex.Type())) {
			u.Add(ex, int(k))
		}
	}
}

// unseen is the effect of passing the response or body to a function whose
// body the package does not have, as a parameter of type param.
func (t *tracked) unseen(fn *types.Func, param types.Type, k kind) effect {
	if httpflow.ReaderOnly(param) {
		return effect{read: true} // it can read the body but not close it
	}
	if fn != nil && t.s.std(fn.Pkg()) {
		switch {
		case printing[fn.Pkg().Path()]:
			return effect{}
		case isResponse(param):
			return effect{} // the standard library reads fields, keeps nothing
		}
	}
	return keptEffect
}

// printing are standard packages that format their arguments and keep
// nothing.
var printing = map[string]bool{"fmt": true, "log": true, "log/slog": true, "errors": true}

// paramType returns the type of parameter i of sig (the element type for
// a variadic tail).
func paramType(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	if params.Len() == 0 {
		return types.NewInterfaceType(nil, nil)
	}
	if i >= params.Len()-1 && sig.Variadic() {
		return params.At(params.Len() - 1).Type().(*types.Slice).Elem()
	}
	if i >= params.Len() {
		return types.NewInterfaceType(nil, nil)
	}
	return params.At(i).Type()
}

// std reports whether pkg is part of the standard library (and not the
// package under analysis).
func (s *state) std(pkg *types.Package) bool {
	return pkg != s.pkg.Pkg && httpapi.IsStd(pkg)
}

func isBodyField(fa *ssa.FieldAddr) bool {
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok || !httpapi.Response.Matches(ptr.Elem()) {
		return false
	}
	st := ptr.Elem().Underlying().(*types.Struct)
	return httpapi.ResponseBody.Matches(fa.X.Type(), st.Field(fa.Field))
}

func isResponse(t types.Type) bool { return httpapi.Response.MatchesPtr(t) }

func isInterface(t types.Type) bool { return types.IsInterface(t) }
