package respbody

import (
	"go/token"
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
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
	ends bool // the body is closed, or the response handed off: the path is done
	// mayClose: a function that closes the body on some of its paths; see
	// [summary.effect].
	mayClose bool
	close    bool // the body is (or may be) closed here
	read     bool // the body is (or may be) read here
	full     bool // the body is read to EOF here
	kept     bool // the response or body leaves what the package can see
	// notClosed is an in-package call that receives the response but does
	// not close it on every path (for the leak report's Related).
	notClosed ssa.CallInstruction
}

func (e *effect) merge(o effect) {
	e.ends = e.ends || o.ends
	e.mayClose = e.mayClose || o.mayClose
	e.close = e.close || o.close
	e.read = e.read || o.read
	e.full = e.full || o.full
	e.kept = e.kept || o.kept
	if e.notClosed == nil {
		e.notClosed = o.notClosed
	}
}

// A tracked response is one response followed through one function: the
// values that hold it or its body, the local variables that do, and what
// each instruction does with it. It is flow-insensitive; [walk] adds the
// paths.
type tracked struct {
	s       *state
	fn      *ssa.Function
	vals    map[ssa.Value]kind
	locs    map[ssa.Value]kind // addresses of variables holding it
	effects map[ssa.Instruction]*effect
	// upgrade is set when the code checks for 101 Switching Protocols:
	// an upgrade attempt, whose failure needs no draining.
	upgrade bool

	workVals, workLocs []ssa.Value
}

func (s *state) track(fn *ssa.Function, vals, locs map[ssa.Value]kind) *tracked {
	t := &tracked{
		s:       s,
		fn:      fn,
		vals:    make(map[ssa.Value]kind),
		locs:    make(map[ssa.Value]kind),
		effects: make(map[ssa.Instruction]*effect),
	}
	for v, k := range vals {
		t.val(v, k)
	}
	for v, k := range locs {
		t.loc(v, k)
	}
	for len(t.workVals)+len(t.workLocs) > 0 {
		if n := len(t.workVals); n > 0 {
			v := t.workVals[n-1]
			t.workVals = t.workVals[:n-1]
			t.followVal(v, t.vals[v])
		} else {
			n := len(t.workLocs)
			v := t.workLocs[n-1]
			t.workLocs = t.workLocs[:n-1]
			t.followLoc(v, t.locs[v])
		}
	}
	return t
}

func (t *tracked) val(v ssa.Value, k kind) {
	if _, ok := t.vals[v]; ok || v == nil {
		return
	}
	t.vals[v] = k
	t.workVals = append(t.workVals, v)
}

func (t *tracked) loc(v ssa.Value, k kind) {
	if _, ok := t.locs[v]; ok {
		return
	}
	t.locs[v] = k
	t.workLocs = append(t.workLocs, v)
}

func (t *tracked) add(instr ssa.Instruction, e effect) {
	if old, ok := t.effects[instr]; ok {
		old.merge(e)
		return
	}
	t.effects[instr] = &e
}

var keptEffect = effect{ends: true, read: true, close: true, kept: true}

// followVal visits the uses of a value holding the response (k == respKind)
// or its body.
func (t *tracked) followVal(v ssa.Value, k kind) {
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, instr := range *refs {
		switch instr := instr.(type) {
		case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface:
			t.val(instr.(ssa.Value), k)
		case *ssa.TypeAssert:
			if instr.CommaOk {
				t.extract(instr, 0, k)
			} else {
				t.val(instr, k)
			}
		case *ssa.Extract:
			// Extract of a tuple we track (comma-ok results are handled
			// above); nothing else is a tuple.
		case *ssa.FieldAddr:
			if k == respKind && isBodyField(instr) {
				t.loc(instr, bodyKind)
			}
		case *ssa.Store:
			if instr.Val == v {
				t.store(instr, k)
			}
		case *ssa.MapUpdate, *ssa.Send, *ssa.Convert, *ssa.Slice:
			t.add(instr, keptEffect)
		case *ssa.MakeClosure:
			t.closure(instr, v, k, false)
		case ssa.CallInstruction:
			t.call(instr, v, k)
		}
	}
}

// store follows the value into the variable it is stored in, or records a
// hand-off when the memory is not a local variable of this function.
func (t *tracked) store(s *ssa.Store, k kind) {
	if alloc, ok := s.Addr.(*ssa.Alloc); ok && alloc.Parent() == t.fn {
		t.loc(alloc, k)
		return
	}
	if call := variadicCall(s.Addr); call != nil {
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

// variadicCall returns the call whose variadic arguments are stored at
// addr, if that is what addr is: an element of an array that is sliced
// and passed to a call (other than a builtin).
func variadicCall(addr ssa.Value) ssa.CallInstruction {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	array, ok := ia.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, ref := range *array.Referrers() {
		sl, ok := ref.(*ssa.Slice)
		if !ok {
			continue
		}
		for _, use := range *sl.Referrers() {
			if call, ok := use.(ssa.CallInstruction); ok {
				if _, builtin := call.Common().Value.(*ssa.Builtin); !builtin && call.Common().Signature().Variadic() {
					return call
				}
			}
		}
	}
	return nil
}

// followLoc visits the uses of the address of a variable that holds the
// response or its body.
func (t *tracked) followLoc(addr ssa.Value, k kind) {
	refs := addr.Referrers()
	if refs == nil {
		return
	}
	for _, instr := range *refs {
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op == token.MUL {
				t.val(instr, k)
			}
		case *ssa.Store:
			if instr.Val == addr {
				t.add(instr, keptEffect)
			}
		case *ssa.MakeClosure:
			t.closure(instr, addr, k, true)
		case *ssa.DebugRef:
		default:
			if _, isAddr := addr.(*ssa.FieldAddr); isAddr {
				continue // &resp.Body taken for something else: rare, ignored
			}
			t.add(instr, keptEffect) // the address escapes
		}
	}
}

func (t *tracked) extract(tuple ssa.Value, i int, k kind) {
	for _, ref := range *tuple.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == i {
			t.val(ex, k)
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
func (t *tracked) call(call ssa.CallInstruction, v ssa.Value, k kind) {
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
	case httpapi.ResponseWrite.Matches(fn):
		t.add(call, effect{read: true, full: true})
		return
	case httpapi.DumpResponse.Matches(fn):
		if on, _ := ssaflow.ConstBool(args[1]); on { // reads, closes and replaces the body
			t.add(call, effect{ends: true, close: true, read: true, full: true})
		}
		return
	case httpapi.MaxBytesReader.Matches(fn):
		if v == args[1] {
			if val := call.Value(); val != nil {
				t.val(val, bodyKind)
			}
		}
		return
	}
	if fn != nil {
		for f, i := range httpapi.FullReaders {
			if f.Matches(fn) && i < len(args) && args[i] == v {
				t.add(call, effect{read: true, full: true})
				return
			}
		}
		if httpapi.FullReadMethods.Matches(fn) && len(args) > 1 && args[1] == v {
			t.add(call, effect{read: true, full: true})
			return
		}
	}
	if body := callee.Body(common); body != nil && body.Pkg == t.s.pkg {
		for i, arg := range args {
			if arg != v || i >= len(body.Params) {
				continue
			}
			sum := t.s.summary(body, body.Params[i], k, false)
			t.add(call, sum.effect(call))
			if sum.returns && call.Value() != nil {
				t.results(call.Value(), k)
			}
		}
		return
	}
	// Code the package cannot see: another package, a function value, an
	// interface method.
	sig := common.Signature()
	for i, arg := range args {
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

// results marks the results of a call that hands the response back.
func (t *tracked) results(res ssa.Value, k kind) {
	if _, ok := res.Type().(*types.Tuple); !ok {
		t.val(res, k)
		return
	}
	for _, ref := range *res.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && (isResponse(ex.Type()) || isInterface(ex.Type())) {
			t.val(ex, k)
		}
	}
}

// unseen is the effect of passing the response or body to a function whose
// body the package does not have, as a parameter of type param.
func (t *tracked) unseen(fn *types.Func, param types.Type, k kind) effect {
	if readerOnly(param) {
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

// readerOnly reports whether t is a non-empty interface without a Close
// method: a function given the body as such a value may read it but cannot
// close it without a type assertion.
func readerOnly(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	for m := range iface.Methods() {
		if m.Name() == "Close" {
			return false
		}
	}
	return true
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
