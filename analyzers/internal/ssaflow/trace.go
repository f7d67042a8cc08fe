package ssaflow

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"golang.org/x/tools/go/ssa"
)

// A HandOffKind says how a value left what the package can see.
type HandOffKind int

const (
	// Call: passed to a function without a body in this package (another
	// package's function, a function value, an interface method), or the
	// address of a variable holding it was.
	Call HandOffKind = iota + 1
	// Return: returned from a function that has callers the package does
	// not show (see [Index.MayHaveUnseenCallers]).
	Return
	// Store: stored where the package cannot follow it: a slice, array or
	// map element, a channel, memory reached through a pointer, or (when
	// fields are not followed) a struct field or global.
	Store
	// Unsafe: converted to unsafe.Pointer or another representation.
	Unsafe
)

func (k HandOffKind) String() string {
	switch k {
	case Call:
		return "call"
	case Return:
		return "return"
	case Store:
		return "store"
	case Unsafe:
		return "unsafe"
	}
	return "unknown"
}

// A HandOff is an instruction where a traced value leaves what the package
// can see.
type HandOff struct {
	Kind  HandOffKind
	Instr ssa.Instruction
	Value ssa.Value // the traced value (or variable holding it) handed off
}

// A Flow is what a package does with a traced value.
type Flow struct {
	// Values are the SSA values that may hold the value (or, for a struct,
	// a copy of it, or a pointer to it), in the order they were found: the
	// roots first.
	Values []ssa.Value
	// HandOffs are the places where it leaves what the package can see.
	HandOffs []HandOff
	// Labels are the labels of Values (see [Tracer.TraceRoots]).
	Labels map[ssa.Value]int
}

// A Tracer follows values through one package.
type Tracer struct {
	Index *Index
	// NoReturns makes every return of the value a Return hand-off instead
	// of following it to the results of the package's calls of the
	// function: for analyzers that judge a value where it is made and each
	// call of its constructor on its own.
	NoReturns bool
	// Fields makes the tracer follow a value stored in a struct field or a
	// global to every load of that field or global in the package (all
	// instances of the struct alike). Without it such stores are hand-offs.
	Fields bool
	// OwnFields, with Fields, limits the following to fields declared in
	// the package: a value stored in a field of another package's struct
	// (an http.Client's Transport, say) is handed off, since following it
	// would merge it with what every other instance of that struct holds.
	OwnFields bool
	// HiddenFields, with Fields, limits the following further to fields
	// that no other package can name: the package's unexported fields, and
	// the fields of its unexported struct types. What is stored in any
	// other field may be read or replaced by code the package cannot see.
	HiddenFields bool
	// Local keeps the trace in the functions of its roots: a free variable
	// is not followed to its bindings, and a value passed to a function of
	// the package or captured by a closure is a Call hand-off, a value
	// returned a Return one.
	Local bool
	// Use, if set, is called at each use of a traced value, or of the
	// address of a variable holding one, before the tracer follows it. When
	// it returns true the tracer does not: the caller has handled the use
	// (and may have added values to the trace, see [Use.Add]).
	Use func(Use) bool
}

type tracer struct {
	*Tracer
	flow Flow
	// label is the label of the value or variable being followed, which
	// what it flows to gets.
	label  int
	locs   map[ssa.Value]int // addresses of variables holding the value, labelled
	fields map[*types.Var]bool
	// via are the calls through which the value entered each parameter
	// (see [tracer.ret]).
	via map[*ssa.Parameter][]*ssa.Call
	// Work lists of values and of variable addresses still to follow.
	workValues, workLocs []ssa.Value
}

// Trace follows the roots, which are taken to hold one value, and returns
// everything they flow to. It visits each SSA value at most once, so it
// terminates on any package, recursion and loops included.
func (t *Tracer) Trace(roots ...ssa.Value) *Flow {
	rs := make([]Root, len(roots))
	for i, r := range roots {
		rs[i] = Root{Value: r}
	}
	return t.TraceRoots(rs...)
}

// TraceRoots is Trace from roots that carry labels, which are taken to
// hold related values (a value and a part of it, say): every value found
// gets the label of the value or variable it was found from, unless Use
// adds it with another. A value found with two labels keeps the first.
func (t *Tracer) TraceRoots(roots ...Root) *Flow {
	tr := &tracer{
		Tracer: t,
		flow:   Flow{Labels: make(map[ssa.Value]int)},
		locs:   make(map[ssa.Value]int),
		fields: make(map[*types.Var]bool),
		via:    make(map[*ssa.Parameter][]*ssa.Call),
	}
	for _, r := range roots {
		if r.Loc {
			tr.labelledLoc(r.Value, r.Label)
		} else {
			tr.labelled(r.Value, r.Label)
		}
	}
	for len(tr.workValues)+len(tr.workLocs) > 0 {
		if n := len(tr.workValues); n > 0 {
			v := tr.workValues[n-1]
			tr.workValues = tr.workValues[:n-1]
			tr.label = tr.flow.Labels[v]
			tr.follow(v)
		} else {
			n := len(tr.workLocs)
			addr := tr.workLocs[n-1]
			tr.workLocs = tr.workLocs[:n-1]
			tr.label = tr.locs[addr]
			tr.followLoc(addr)
		}
	}
	return &tr.flow
}

// value records v as holding the traced value.
func (tr *tracer) value(v ssa.Value) { tr.labelled(v, tr.label) }

func (tr *tracer) labelled(v ssa.Value, label int) {
	if _, ok := tr.flow.Labels[v]; ok || v == nil {
		return
	}
	tr.flow.Labels[v] = label
	tr.flow.Values = append(tr.flow.Values, v)
	tr.workValues = append(tr.workValues, v)
}

// loc records addr as the address of a variable that holds the value.
func (tr *tracer) loc(addr ssa.Value) { tr.labelledLoc(addr, tr.label) }

func (tr *tracer) labelledLoc(addr ssa.Value, label int) {
	if _, ok := tr.locs[addr]; ok {
		return
	}
	tr.locs[addr] = label
	tr.workLocs = append(tr.workLocs, addr)
}

func (tr *tracer) handOff(kind HandOffKind, instr ssa.Instruction, v ssa.Value) {
	tr.flow.HandOffs = append(tr.flow.HandOffs, HandOff{kind, instr, v})
}

// follow visits the uses of a value that holds the traced value.
func (tr *tracer) follow(v ssa.Value) {
	for _, instr := range tr.Index.Referrers(v) {
		if tr.used(instr, v, false) {
			continue
		}
		switch instr := instr.(type) {
		case *ssa.Phi:
			tr.value(instr)
		case *ssa.ChangeType:
			tr.value(instr)
		case *ssa.MakeInterface:
			tr.value(instr)
		case *ssa.ChangeInterface:
			tr.value(instr)
		case *ssa.TypeAssert:
			tr.value(instr)
		case *ssa.Extract:
			if instr.Index == 0 { // the value of a comma-ok type assertion
				tr.value(instr)
			}
		case *ssa.UnOp:
			if instr.Op == token.MUL {
				tr.value(instr) // a load through a pointer, or a copy of a struct
			}
		case *ssa.Convert:
			tr.handOff(Unsafe, instr, v)
		case *ssa.Store:
			if instr.Val == v {
				tr.store(instr, v)
			}
		case *ssa.MapUpdate:
			if instr.Value == v || instr.Key == v {
				tr.handOff(Store, instr, v)
			}
		case *ssa.Send:
			tr.handOff(Store, instr, v)
		case *ssa.MakeClosure:
			if tr.Local {
				tr.handOff(Call, instr, v)
				continue
			}
			fn := instr.Fn.(*ssa.Function)
			for i, b := range instr.Bindings {
				if b == v {
					tr.value(fn.FreeVars[i])
				}
			}
		case ssa.CallInstruction:
			tr.call(instr, v, false)
		case *ssa.Return:
			tr.ret(instr, v)
		case *ssa.Slice:
			if instr.X == v {
				tr.handOff(Store, instr, v) // a slice of an array holding it
			}
		}
	}
}

// store follows a traced value written to memory.
func (tr *tracer) store(s *ssa.Store, v ssa.Value) {
	// A struct copied into a variable makes that variable a copy of it.
	byValue := isStruct(v.Type())
	switch addr := s.Addr.(type) {
	case *ssa.Alloc:
		if byValue {
			tr.value(addr)
		} else {
			tr.loc(addr)
		}
	case *ssa.FreeVar:
		for _, b := range tr.bindings(addr) {
			if byValue {
				tr.value(b)
			} else {
				tr.loc(b)
			}
		}
		if byValue {
			tr.value(addr)
		} else {
			tr.loc(addr)
		}
	case *ssa.FieldAddr:
		f := FieldOf(addr.X.Type(), addr.Field)
		if !tr.Fields || f == nil || (tr.OwnFields || tr.HiddenFields) && f.Pkg() != tr.Index.Pkg.Pkg ||
			tr.HiddenFields && !HiddenField(addr.X.Type(), f) {
			tr.handOff(Store, s, v)
			return
		}
		tr.field(f, byValue)
	case *ssa.Global:
		if !tr.Fields {
			tr.handOff(Store, s, v)
			return
		}
		if byValue {
			tr.value(addr)
		} else {
			tr.loc(addr)
		}
	default:
		tr.storeElsewhere(s, v)
	}
}

// storeElsewhere records a store the tracer does not follow. Arguments of a
// variadic call are stored in an array first: that is a hand-off to the call.
func (tr *tracer) storeElsewhere(s *ssa.Store, v ssa.Value) {
	if addr, ok := s.Addr.(*ssa.IndexAddr); ok {
		if call := VariadicCall(addr); call != nil {
			tr.handOff(Call, call, v)
			return
		}
	}
	tr.handOff(Store, s, v)
}

// field follows a value stored in field f to every selection of f.
func (tr *tracer) field(f *types.Var, byValue bool) {
	if tr.fields[f] {
		return
	}
	tr.fields[f] = true
	for _, sel := range tr.Index.Selections(f) {
		switch sel := sel.(type) {
		case *ssa.FieldAddr:
			if byValue {
				tr.value(sel) // a pointer to the struct held in the field
			} else {
				tr.loc(sel)
			}
		case *ssa.Field:
			tr.value(sel)
		}
	}
}

// followLoc visits the uses of the address of a variable that holds the
// traced value: loads read it; closures share the variable; anything else
// that takes the address may read it where the package cannot see.
func (tr *tracer) followLoc(addr ssa.Value) {
	if fv, ok := addr.(*ssa.FreeVar); ok {
		for _, b := range tr.bindings(fv) {
			tr.loc(b)
		}
	}
	for _, instr := range tr.Index.Referrers(addr) {
		if tr.used(instr, addr, true) {
			continue
		}
		switch instr := instr.(type) {
		case *ssa.UnOp:
			if instr.Op == token.MUL {
				tr.value(instr)
			}
		case *ssa.Store:
			if instr.Val == addr {
				tr.storeElsewhere(instr, addr)
			}
		case *ssa.MakeClosure:
			if tr.Local {
				tr.handOff(Call, instr, addr)
				continue
			}
			fn := instr.Fn.(*ssa.Function)
			for i, b := range instr.Bindings {
				if b == addr {
					tr.loc(fn.FreeVars[i])
				}
			}
		case ssa.CallInstruction:
			tr.call(instr, addr, true)
		case *ssa.MakeInterface, *ssa.ChangeType:
			tr.loc(instr.(ssa.Value)) // the address, converted
		case *ssa.DebugRef:
		default:
			if _, ok := instr.(ssa.Value); ok {
				// Other derived pointers (Phi of addresses, conversions)
				// are rare; stop following rather than guess.
				tr.handOff(Store, instr, addr)
			}
		}
	}
}

// call follows v (a traced value, or the address of a variable holding it
// when isLoc) into a call.
func (tr *tracer) call(call ssa.CallInstruction, v ssa.Value, isLoc bool) {
	common := call.Common()
	if common.IsInvoke() && common.Value == v {
		tr.handOff(Call, call, v) // receiver of an interface method
		return
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append", "copy":
			tr.handOff(Store, call, v)
		}
		return // len, cap, print and the like only look
	}
	fn := callee.Body(common)
	if fn == nil || fn.Pkg != tr.Index.Pkg || tr.Local {
		if common.Value != v { // a call of the traced value itself is not a hand-off
			tr.handOff(Call, call, v)
		}
		return
	}
	for i, arg := range common.Args {
		if arg != v || i >= len(fn.Params) {
			continue
		}
		if isLoc {
			tr.loc(fn.Params[i])
		} else {
			if c, ok := call.(*ssa.Call); ok {
				tr.enter(fn.Params[i], c)
			}
			tr.value(fn.Params[i])
		}
	}
}

// ret follows a returned value to the results of the package's calls of
// the function. A parameter returned as it is (or converted: a helper
// that configures what it is given and gives it back) holds the traced
// value only at the calls that passed it, so it goes back to those calls'
// results, not to every call's: two transports through one such helper
// stay apart.
func (tr *tracer) ret(r *ssa.Return, v ssa.Value) {
	fn := r.Parent()
	if tr.NoReturns || tr.Local {
		tr.handOff(Return, r, v)
		return
	}
	if tr.Index.MayHaveUnseenCallers(fn) {
		tr.handOff(Return, r, v)
	}
	var at func(*ssa.Call) bool
	if p, ok := Unconverted(v).(*ssa.Parameter); ok && tr.via[p] != nil {
		at = func(c *ssa.Call) bool { return slices.Contains(tr.via[p], c) }
	}
	for _, res := range tr.Index.ReturnedAt(r, v, at) { // go and defer discard results
		tr.value(res)
	}
}

// enter records that the value enters parameter p at call. A parameter
// entered before through another call may have been followed to its
// returns already, and to that call's results only: its returns now go to
// this call's results too.
func (tr *tracer) enter(p *ssa.Parameter, call *ssa.Call) {
	again := tr.via[p] != nil
	tr.via[p] = append(tr.via[p], call)
	if !again || tr.NoReturns || tr.Local {
		return
	}
	for _, r := range Returns(p.Parent()) {
		for _, res := range r.Results {
			if _, seen := tr.flow.Labels[res]; seen && Unconverted(res) == p {
				for _, v := range tr.Index.ReturnedAt(r, res, func(c *ssa.Call) bool { return c == call }) {
					tr.value(v)
				}
			}
		}
	}
}

// bindings returns the values bound to a free variable, none when the
// trace is Local.
func (tr *tracer) bindings(fv *ssa.FreeVar) []ssa.Value {
	if tr.Local {
		return nil
	}
	return tr.Index.Bindings(fv)
}

// VariadicCall returns the call (other than a builtin's) whose variadic
// arguments are stored at addr, if that is what addr is: an element of an
// array that is sliced and passed to the call.
func VariadicCall(addr ssa.Value) ssa.CallInstruction {
	ia, ok := addr.(*ssa.IndexAddr)
	if !ok {
		return nil
	}
	array, ok := ia.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, ref := range *array.Referrers() {
		if sl, ok := ref.(*ssa.Slice); ok {
			for _, use := range *sl.Referrers() {
				if call, ok := use.(ssa.CallInstruction); ok {
					if _, builtin := call.Common().Value.(*ssa.Builtin); !builtin {
						return call
					}
				}
			}
		}
	}
	return nil
}

// VariadicArg returns the value stored at index i of the slice that a
// variadic call receives (fmt.Sprintf's ...any), without its conversion
// to an interface, or nil.
func VariadicArg(slice ssa.Value, i int64) ssa.Value {
	for _, st := range variadicStores(slice) {
		if n, ok := ConstInt(st.Addr.(*ssa.IndexAddr).Index); ok && n == i {
			return unboxed(st.Val)
		}
	}
	return nil
}

// variadicStores returns the stores into the array that slice, the
// variadic argument the compiler builds, slices.
func variadicStores(slice ssa.Value) []*ssa.Store {
	sl, ok := slice.(*ssa.Slice)
	if !ok {
		return nil
	}
	array, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []*ssa.Store
	for _, ref := range *array.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, use := range *ia.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == ia {
				out = append(out, st)
			}
		}
	}
	return out
}

// unboxed returns the value an interface conversion boxes, or v.
func unboxed(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// HiddenField reports whether f, a field of the struct that ptr points
// to, cannot be named outside its package: it is unexported, or its struct
// type is.
func HiddenField(ptr types.Type, f *types.Var) bool {
	if !f.Exported() {
		return true
	}
	p, ok := types.Unalias(ptr).Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && !named.Obj().Exported()
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}
