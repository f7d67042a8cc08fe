// Package ssaflow traces values through the SSA form of one package: where a
// value is copied (Phi, ChangeType, MakeInterface, TypeAssert, Extract),
// stored and loaded again (locals, captured variables, struct fields,
// globals), passed (parameters, free variables of closures) and returned
// (results at the package's own call sites), and where it is handed off to
// code the package cannot see.
package ssaflow

import (
	"go/types"
	"strconv"
	"sync"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"golang.org/x/tools/go/ssa"
)

// An Index records, for one built SSA package, the uses that SSA's Referrers
// do not give: selections of each struct field, uses of globals, the static
// call sites of each function, the bindings of free variables, and which
// functions are used as values. It is built in one pass over the package.
type Index struct {
	Pkg *ssa.Package
	// Sealed are the unexported methods of the package whose every call
	// site is in it, as direct calls or through method values, in
	// functions that are built (set by whoever builds the package, which
	// knows what it left out). Other methods may have unseen callers.
	Sealed map[*types.Func]bool
	// Funcs lists every function with a body in the package: package-level
	// functions, methods, init functions and all anonymous functions.
	Funcs []*ssa.Function

	fields   map[*types.Var][]ssa.Value // *ssa.FieldAddr and *ssa.Field
	globals  map[*ssa.Global][]ssa.Instruction
	calls    map[*ssa.Function][]ssa.CallInstruction
	bindings map[*ssa.FreeVar][]ssa.Value
	asValue  map[*ssa.Function]bool
	// methodValues are the methods taken as values through a synthetic
	// wrapper (a bound method x.m, a method expression T.m); invoked are
	// the names of the interface methods the package calls.
	methodValues map[*types.Func]bool
	invoked      map[string]bool

	// ownInvokes are the calls of a method of an interface declared in the
	// package; invokers maps each method of the package to those of them
	// that may run it, built once on demand (analyzers share the index).
	ownInvokes []ssa.CallInstruction
	invokersDo sync.Once
	invokers   map[*ssa.Function][]ssa.CallInstruction
}

// NewIndex indexes a built package.
func NewIndex(pkg *ssa.Package) *Index {
	x := &Index{
		Pkg:      pkg,
		fields:   make(map[*types.Var][]ssa.Value),
		globals:  make(map[*ssa.Global][]ssa.Instruction),
		calls:    make(map[*ssa.Function][]ssa.CallInstruction),
		bindings: make(map[*ssa.FreeVar][]ssa.Value),
		asValue:  make(map[*ssa.Function]bool),

		methodValues: make(map[*types.Func]bool),
		invoked:      make(map[string]bool),
	}
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || len(fn.Blocks) == 0 {
			return
		}
		x.Funcs = append(x.Funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	// Members are visited in a fixed order so that results are stable.
	scope := pkg.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if named, ok := tn.Type().(*types.Named); ok {
			for m := range named.Methods() {
				add(pkg.Prog.FuncValue(m))
			}
		}
	}
	add(pkg.Func("init"))
	for _, name := range scope.Names() {
		if fn, ok := pkg.Members[name].(*ssa.Function); ok {
			add(fn)
		}
	}
	for i := 1; ; i++ {
		fn := pkg.Func("init#" + strconv.Itoa(i))
		if fn == nil {
			break
		}
		add(fn)
	}

	var ops []*ssa.Value
	for _, fn := range x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				x.record(instr, ops[:0])
			}
		}
	}
	return x
}

func (x *Index) record(instr ssa.Instruction, ops []*ssa.Value) {
	switch instr := instr.(type) {
	case *ssa.FieldAddr:
		if f := FieldOf(instr.X.Type(), instr.Field); f != nil {
			x.fields[f.Origin()] = append(x.fields[f.Origin()], instr)
		}
	case *ssa.Field:
		if f := FieldOf(instr.X.Type(), instr.Field); f != nil {
			x.fields[f.Origin()] = append(x.fields[f.Origin()], instr)
		}
	case *ssa.MakeClosure:
		if fn, ok := instr.Fn.(*ssa.Function); ok {
			for i, b := range instr.Bindings {
				fv := fn.FreeVars[i]
				x.bindings[fv] = append(x.bindings[fv], b)
			}
		}
	}
	// Function operands other than the callee of a call or the function of
	// a closure are functions used as values.
	var callValue ssa.Value
	if mc, ok := instr.(*ssa.MakeClosure); ok {
		callValue = mc.Fn
		if fn, ok := mc.Fn.(*ssa.Function); ok {
			x.wrapper(fn)
			if !onlyCalled(mc) {
				x.asValue[originOf(fn)] = true
			}
		}
	}
	if call, ok := instr.(ssa.CallInstruction); ok {
		common := call.Common()
		if fn := callee.Body(common); fn != nil {
			x.calls[fn] = append(x.calls[fn], call)
		}
		if common.IsInvoke() {
			x.invoked[common.Method.Name()] = true
			if x.ownInterface(common.Value.Type()) != nil {
				x.ownInvokes = append(x.ownInvokes, call)
			}
		} else {
			callValue = common.Value
		}
	}
	for _, op := range instr.Operands(ops) {
		switch v := (*op).(type) {
		case *ssa.Global:
			x.globals[v] = append(x.globals[v], instr)
		case *ssa.Function:
			x.wrapper(v)
			if v != callValue {
				x.asValue[originOf(v)] = true
			}
		}
	}
}

// wrapper records the method that fn wraps, if fn is the synthetic
// wrapper of a bound method or a method expression: the method is then
// called wherever the wrapper is.
func (x *Index) wrapper(fn *ssa.Function) {
	if fn.Synthetic == "" {
		return
	}
	if m, ok := fn.Object().(*types.Func); ok && m.Signature().Recv() != nil {
		x.methodValues[m.Origin()] = true
	}
}

// onlyCalled reports whether a closure is only ever called where it is made.
func onlyCalled(mc *ssa.MakeClosure) bool {
	for _, ref := range *mc.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok || call.Common().IsInvoke() || call.Common().Value != mc {
			return false
		}
	}
	return true
}

func originOf(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// FieldOf returns field i of the struct that t is or points to, or nil if
// t is neither (a type parameter, say).
func FieldOf(t types.Type, i int) *types.Var {
	t = t.Underlying()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem().Underlying()
	}
	if st, ok := t.(*types.Struct); ok && i >= 0 && i < st.NumFields() {
		return st.Field(i)
	}
	return nil
}

// DeclaredMethod returns the SSA function of the method name that tn, a
// named type of the package, declares itself (on T or *T), or nil: none,
// one promoted from an embedded type, or an interface's.
func (x *Index) DeclaredMethod(tn *types.TypeName, name string) *ssa.Function {
	if _, ok := tn.Type().Underlying().(*types.Interface); ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, tn.Pkg(), name)
	m, ok := obj.(*types.Func)
	if !ok || m.Pkg() != tn.Pkg() {
		return nil
	}
	recv := m.Signature().Recv().Type()
	if ptr, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = ptr.Elem()
	}
	if named, ok := types.Unalias(recv).(*types.Named); !ok || named.Origin().Obj() != tn {
		return nil
	}
	return x.Pkg.Prog.FuncValue(m)
}

// Selections returns the *ssa.FieldAddr and *ssa.Field instructions that
// select field f anywhere in the package, in every instance of a generic
// struct (keyed by the field of its declaration).
func (x *Index) Selections(f *types.Var) []ssa.Value { return x.fields[f.Origin()] }

// Referrers returns the instructions that use v, globals included (SSA
// keeps no referrers for globals).
func (x *Index) Referrers(v ssa.Value) []ssa.Instruction {
	if g, ok := v.(*ssa.Global); ok {
		return x.globals[g]
	}
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}

// Callers returns the package's static call sites of fn (or of its
// instances, when fn is generic).
func (x *Index) Callers(fn *ssa.Function) []ssa.CallInstruction { return x.calls[originOf(fn)] }

// Bindings returns the values bound to a closure's free variable at the
// package's MakeClosure instructions.
func (x *Index) Bindings(fv *ssa.FreeVar) []ssa.Value { return x.bindings[fv] }

// Invokers returns the package's calls of a method of an interface the
// package declares that may run fn: fn is that method of a named type of
// the package that implements the interface, declared on the type itself.
// Only types of the package are considered: a package that declares an
// interface and its implementations, and calls them through it, shows
// those calls (other packages may still call fn directly, or through an
// interface of theirs; see [Index.MayHaveUnseenCallers]).
func (x *Index) Invokers(fn *ssa.Function) []ssa.CallInstruction {
	x.invokersDo.Do(x.findInvokers)
	return x.invokers[originOf(fn)]
}

func (x *Index) implementations(t types.Type, name string) []*ssa.Function {
	iface := x.ownInterface(t)
	var out []*ssa.Function
	scope := x.Pkg.Pkg.Scope()
	for _, tname := range scope.Names() {
		tn, ok := scope.Lookup(tname).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if named, ok := tn.Type().(*types.Named); !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if !types.Implements(tn.Type(), iface) && !types.Implements(types.NewPointer(tn.Type()), iface) {
			continue
		}
		if m := x.DeclaredMethod(tn, name); m != nil {
			out = append(out, m)
		}
	}
	return out
}

func (x *Index) findInvokers() {
	x.invokers = make(map[*ssa.Function][]ssa.CallInstruction)
	type key struct {
		iface *types.TypeName
		name  string
	}
	memo := make(map[key][]*ssa.Function)
	for _, call := range x.ownInvokes {
		common := call.Common()
		k := key{types.Unalias(common.Value.Type()).(*types.Named).Obj(), common.Method.Name()}
		impls, ok := memo[k]
		if !ok {
			impls = x.implementations(common.Value.Type(), k.name)
			memo[k] = impls
		}
		for _, m := range impls {
			x.invokers[m] = append(x.invokers[m], call)
		}
	}
}

// ownInterface returns the interface of t when t is an interface type
// declared in the package (not an instance of a generic one).
func (x *Index) ownInterface(t types.Type) *types.Interface {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != x.Pkg.Pkg || named.TypeArgs().Len() > 0 {
		return nil
	}
	iface, _ := named.Underlying().(*types.Interface)
	return iface
}

// MayHaveUnseenCallers reports whether fn can be called from somewhere the
// package's static call sites do not show: it is exported, an init
// function, or used as a value; or it is a method, unless it is sealed
// and the package neither takes it as a value nor calls an interface
// method of its name.
func (x *Index) MayHaveUnseenCallers(fn *ssa.Function) bool {
	fn = originOf(fn)
	if x.asValue[fn] {
		return true
	}
	if fn.Parent() != nil {
		return false // an anonymous function only runs where it is made or passed
	}
	obj := fn.Object()
	if obj == nil {
		return true
	}
	if fn.Signature.Recv() != nil {
		m, _ := obj.(*types.Func)
		return m == nil || !x.Sealed[m.Origin()] || x.methodValues[m.Origin()] || x.invoked[obj.Name()]
	}
	return obj.Exported() || fn.Name() == "main"
}
