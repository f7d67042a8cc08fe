package ssaflow

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"golang.org/x/tools/go/ssa"
)

// A SourceKind says what a source of a value is.
type SourceKind int

const (
	// Made: a value the package makes: a constant, an allocation, a
	// function, or a value computed from others (arithmetic, a Convert).
	Made SourceKind = iota + 1
	// Result: a result of a call the walk does not enter: code the package
	// cannot see (another package, a function value, an interface method).
	Result
	// Param: a parameter or free variable whose arguments the package does
	// not show (see [Index.MayHaveUnseenCallers]), or that nothing passes.
	Param
	// Load: read from memory the walk does not follow: another package's
	// field or variable (or any field or global without Fields), an
	// element, memory behind a pointer, a channel.
	Load
)

func (k SourceKind) String() string {
	switch k {
	case Made:
		return "made"
	case Result:
		return "result"
	case Param:
		return "param"
	case Load:
		return "load"
	}
	return "unknown"
}

// A Source is a value that a traced value may come from.
type Source struct {
	Value ssa.Value
	// Kind says what it is. Every kind but Made is an origin the package
	// does not show, unless the caller recognises the value itself (a call
	// of a known constructor, say).
	Kind SourceKind
	at   *frame
}

// Origins are where a value may come from.
type Origins struct {
	// Sources are the values it may come from that the walk does not go
	// back through, in the order found: depth first, the last operand (phi
	// edge, return, call site) first.
	Sources []Source
	// Values are every value walked through, the start first, the sources
	// included.
	Values []ssa.Value
}

// A Backtracer walks values back to where they come from in one package:
// through copies (Phi, ChangeType, MakeInterface, ChangeInterface,
// TypeAssert and its comma-ok Extract), loads of local and captured
// variables (to the values stored in them), free variables (to their
// bindings), results of the package's own functions (to their returns,
// where a parameter is the argument of that call), and parameters (to the
// arguments at every call, when the package shows every call). The zero
// value of a variable, field or global, which no instruction stores, is not
// a source.
type Backtracer struct {
	Index *Index
	// Fields makes a load of a field of a struct declared in the package,
	// or of a package-level variable of the package, come from every value
	// the package stores there (all instances of the struct alike). Without
	// it such loads are sources.
	Fields bool
	// Last makes a load of a field that its function stores, through the
	// same chain of fields, on every path to it come from the last of
	// those stores ([Backtracer.LastStores]) rather than from every store
	// of the field in the package; a path that only took the branch of a
	// nil test of the field on which it holds a value reads the tested
	// load (if c.T == nil { c.T = def }).
	Last bool
	// Instances makes a load of a field of a value that comes only from
	// allocations of the package (a literal passed to a parameter, say)
	// come from the stores into that field of those allocations and of the
	// values on the way, not from every store of the field in the package:
	// each instance apart. It applies after Last and before Fields.
	Instances bool
	// CallersSeen reports whether the package's static calls of fn are all
	// its calls; nil means the calls are all seen unless
	// [Index.MayHaveUnseenCallers].
	CallersSeen func(fn *ssa.Function) bool
	// Run keeps the walk within one run of the function it starts in: a
	// parameter or free variable of that function (or of one entered
	// without a call's context) is a source rather than what the callers
	// or the enclosing function give. A value whose sources are then all
	// allocations is made anew on every run. Use it without Fields.
	Run bool
	// Stop, if set, makes the values it accepts sources without walking
	// back through them: values the caller interprets itself.
	Stop func(v ssa.Value) bool
	// Through, if set, names more copies (a method that returns its
	// receiver, say): a value for which it returns values comes from them.
	Through func(v ssa.Value) []ssa.Value

	memo   map[sourceKey]*Origins
	frames map[sourceKey]*frame
	busy   map[*ssa.FieldAddr]bool // field loads whose instances are being walked
}

// A frame is the call through whose result the walk entered fn, so that a
// parameter of fn is that call's argument.
type frame struct {
	call   *ssa.Call
	fn     *ssa.Function
	parent *frame
}

// maxFrames bounds the calls a walk enters one inside the other; deeper
// (and recursive) calls are entered without binding their parameters.
const maxFrames = 8

type sourceKey struct {
	v  ssa.Value
	at *frame
}

// Sources returns where v may come from. Results are memoised; each walk
// visits a value at most once per call context, so it terminates on
// recursion and loops.
func (b *Backtracer) Sources(v ssa.Value) *Origins { return b.walk(sourceKey{v, nil}) }

// SourcesAt returns where v, a value of the function that src was found in
// (an operand of src.Value, say), may come from in the call that led there.
func (b *Backtracer) SourcesAt(src Source, v ssa.Value) *Origins {
	return b.walk(key(v, src.at))
}

// SourcesVia returns where v, a value of the function that calls[0]
// calls, may come from when that function is entered through calls[0],
// made by the function that calls[1] calls, and so on: its parameters are
// those calls' arguments. Calls beyond the walk's depth bound, or that
// recurse, are not bound.
func (b *Backtracer) SourcesVia(calls []*ssa.Call, v ssa.Value) *Origins {
	var at *frame
	for i := len(calls) - 1; i >= 0; i-- {
		fn := callee.Body(&calls[i].Call)
		if fn == nil {
			break
		}
		if at = b.enter(calls[i], fn, at); at == nil {
			break
		}
	}
	return b.walk(key(v, at))
}

// DynamicType returns the one concrete type that v, a value of interface
// type, may hold: the type of every source of v that is not a nil
// interface (which holds none). ok is false when a source's type cannot be
// told (another package's result, a parameter the package does not show
// the arguments of, a load), when the sources have more than one type, or
// when v holds only nil.
func (b *Backtracer) DynamicType(v ssa.Value) (t types.Type, ok bool) {
	for _, src := range b.Sources(v).Sources {
		st := src.Value.Type()
		switch {
		case types.IsInterface(st) && IsZeroConst(src.Value):
			continue
		case src.Kind != Made || types.IsInterface(st), t != nil && !types.Identical(t, st):
			return nil, false
		}
		t = st
	}
	return t, t != nil
}

func (b *Backtracer) walk(root sourceKey) *Origins {
	if o, ok := b.memo[root]; ok {
		return o
	}
	w := &backWalk{b: b, seen: make(map[sourceKey]bool), values: make(map[ssa.Value]bool), o: &Origins{}}
	w.push(root)
	for len(w.work) > 0 {
		k := w.work[len(w.work)-1]
		w.work = w.work[:len(w.work)-1]
		w.step(k)
	}
	if b.memo == nil {
		b.memo = make(map[sourceKey]*Origins)
	}
	b.memo[root] = w.o
	return w.o
}

// key pairs v with the call context at, dropped when v is not in the
// function that the context entered (a value stored by a closure, say).
func key(v ssa.Value, at *frame) sourceKey {
	if at != nil && parentOf(v) != at.fn {
		at = nil
	}
	return sourceKey{v, at}
}

func parentOf(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case ssa.Instruction:
		return v.Parent()
	case *ssa.Parameter:
		return v.Parent()
	case *ssa.FreeVar:
		return v.Parent()
	}
	return nil
}

type backWalk struct {
	b      *Backtracer
	seen   map[sourceKey]bool
	values map[ssa.Value]bool
	work   []sourceKey
	o      *Origins
}

func (w *backWalk) push(k sourceKey) {
	if k.v == nil || w.seen[k] {
		return
	}
	w.seen[k] = true
	if !w.values[k.v] {
		w.values[k.v] = true
		w.o.Values = append(w.o.Values, k.v)
	}
	w.work = append(w.work, k)
}

func (w *backWalk) from(at *frame, vs ...ssa.Value) {
	for _, v := range vs {
		w.push(key(v, at))
	}
}

func (w *backWalk) source(k sourceKey) {
	w.o.Sources = append(w.o.Sources, Source{Value: k.v, Kind: kindOf(k.v), at: k.at})
}

// step walks back one value.
func (w *backWalk) step(k sourceKey) {
	b, at := w.b, k.at
	if b.Stop != nil && b.Stop(k.v) {
		w.source(k)
		return
	}
	if b.Through != nil {
		if vs := b.Through(k.v); vs != nil {
			w.from(at, vs...)
			return
		}
	}
	switch v := k.v.(type) {
	case *ssa.Phi:
		w.from(at, v.Edges...)
	case *ssa.ChangeType:
		w.from(at, v.X)
	case *ssa.MakeInterface:
		w.from(at, v.X)
	case *ssa.ChangeInterface:
		w.from(at, v.X)
	case *ssa.TypeAssert:
		w.from(at, v.X)
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.TypeAssert:
			if v.Index == 0 {
				w.from(at, t.X)
				return
			}
		case *ssa.Call:
			w.results(k, t, v.Index)
			return
		}
		w.source(k)
	case *ssa.Call:
		w.results(k, v, 0)
	case *ssa.Parameter:
		w.param(k, v)
	case *ssa.FreeVar:
		if bs := b.Index.Bindings(v); len(bs) > 0 && !b.Run {
			w.from(nil, bs...)
			return
		}
		w.source(k)
	case *ssa.UnOp:
		if stored, ok := b.stored(v); ok {
			w.from(at, stored...)
			return
		}
		w.source(k)
	case *ssa.Field:
		if stored, ok := b.fieldStores(v.X, v.Field); ok {
			w.from(nil, stored...)
			return
		}
		w.source(k)
	default:
		w.source(k)
	}
}

// results walks result i of a call of the package's function into the
// function's returns, in the context of that call.
func (w *backWalk) results(k sourceKey, call *ssa.Call, i int) {
	fn := callee.Body(&call.Call)
	if fn == nil || fn.Pkg != w.b.Index.Pkg {
		w.source(k)
		return
	}
	var returned []ssa.Value
	for _, blk := range fn.Blocks {
		if n := len(blk.Instrs); n > 0 {
			if ret, ok := blk.Instrs[n-1].(*ssa.Return); ok && i < len(ret.Results) {
				returned = append(returned, ret.Results[i])
			}
		}
	}
	w.from(w.b.enter(call, fn, k.at), returned...)
}

// enter returns the context of a call of fn made in context parent, or nil
// for a recursive or too deep call.
func (b *Backtracer) enter(call *ssa.Call, fn *ssa.Function, parent *frame) *frame {
	depth := 0
	for f := parent; f != nil; f = f.parent {
		if f.fn == fn {
			return nil
		}
		depth++
	}
	if depth >= maxFrames {
		return nil
	}
	k := sourceKey{call, parent}
	if f, ok := b.frames[k]; ok {
		return f
	}
	if b.frames == nil {
		b.frames = make(map[sourceKey]*frame)
	}
	f := &frame{call: call, fn: fn, parent: parent}
	b.frames[k] = f
	return f
}

// param walks a parameter back to the argument of the call the walk came
// through, or else to the arguments of every call when they are all seen.
func (w *backWalk) param(k sourceKey, p *ssa.Parameter) {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	if i < 0 {
		w.source(k)
		return
	}
	if at := k.at; at != nil && i < len(at.call.Call.Args) {
		w.push(key(at.call.Call.Args[i], at.parent))
		return
	}
	b := w.b
	if b.Run {
		w.source(k)
		return
	}
	seen := !b.Index.MayHaveUnseenCallers(fn)
	if b.CallersSeen != nil {
		seen = b.CallersSeen(fn)
	}
	calls := b.Index.Callers(fn)
	if !seen || len(calls) == 0 {
		w.source(k)
		return
	}
	var args []ssa.Value
	for _, call := range calls {
		if a := call.Common().Args; i < len(a) {
			args = append(args, a[i])
		}
	}
	w.from(nil, args...)
}

func kindOf(v ssa.Value) SourceKind {
	switch v := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return Param
	case *ssa.Call:
		return Result
	case *ssa.Extract:
		switch v.Tuple.(type) {
		case *ssa.Call:
			return Result
		case *ssa.TypeAssert:
			return Made // the comma-ok result
		}
		return Load // a map lookup, channel receive, select or range step
	case *ssa.UnOp:
		if v.Op == token.MUL || v.Op == token.ARROW {
			return Load
		}
	case *ssa.Field, *ssa.Index, *ssa.Lookup:
		return Load
	}
	return Made
}
