package httpflow

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// ReadErrors returns the error values that, when not nil, say that a Read
// of the reader v failed or met EOF: the errors of the calls of
// [httpapi.ReadErrorFuncs] and [httpapi.ReadErrorMethods] that read v, or a
// reader that [httpapi.ReadErrorReaders] wrap around it (at any depth:
// io.ReadAll(io.LimitReader(body, n))), starting at call, which uses v.
//
// A function of another package that takes v as a reader it cannot close
// and returns an interface reader and an error (go-git's
// ioutil.NonEmptyReader, x/net's charset.NewReader) is taken, by
// convention, to fail only when its reads of v do: a wrapper that fails
// before it hands out a reader failed to read the start of v or found it
// empty. The standard library's decompressors, which check a header
// (gzip.NewReader), return concrete types and are not such functions.
func ReadErrors(call ssa.CallInstruction, v ssa.Value) []ssa.Value {
	seen := make(map[ssa.Value]bool)
	var out []ssa.Value
	var visit func(call ssa.CallInstruction, v ssa.Value)
	visit = func(call ssa.CallInstruction, v ssa.Value) {
		common := call.Common()
		if common.IsInvoke() {
			if common.Value == v && httpapi.ReadErrorMethods.Matches(common.Method) {
				out = append(out, ssaflow.ErrorResult(call)...)
			}
			return
		}
		fn := callee.Func(common)
		args := common.Args
		switch {
		case fn == nil:
		case httpapi.ReadErrorReaders.Matches(fn):
			if len(args) > 0 && args[0] == v && call.Value() != nil && !seen[call.Value()] {
				seen[call.Value()] = true
				for _, u := range readerUses(call.Value()) {
					visit(u.call, u.v)
				}
			}
		case httpapi.ReadErrorMethods.Matches(fn):
			if len(args) > 0 && args[0] == v {
				out = append(out, ssaflow.ErrorResult(call)...)
			}
		case foreignReader(call, fn, v):
			out = append(out, ssaflow.ErrorResult(call)...)
		default:
			for f, i := range httpapi.ReadErrorFuncs {
				if !f.Matches(fn) || i >= len(args) || args[i] != v {
					continue
				}
				if w, copies := httpapi.CopyWriters[f]; copies && !InfallibleWriter(args[w]) {
					continue
				}
				out = append(out, ssaflow.ErrorResult(call)...)
			}
		}
	}
	visit(call, v)
	return out
}

type readerUse struct {
	call ssa.CallInstruction
	v    ssa.Value
}

// readerUses returns the calls that use r, a reader, directly or through
// conversions to interfaces. A reader merged with others (a φ) or stored is
// not followed: its reads are not surely r's.
func readerUses(r ssa.Value) []readerUse {
	var out []readerUse
	for _, ref := range *r.Referrers() {
		switch ref := ref.(type) {
		case *ssa.MakeInterface:
			out = append(out, readerUses(ref)...)
		case *ssa.ChangeInterface:
			out = append(out, readerUses(ref)...)
		case ssa.CallInstruction:
			out = append(out, readerUse{ref, r})
		}
	}
	return out
}

// foreignReader reports whether call, of fn, is one of the wrappers of
// another package that [ReadErrors] takes by convention to fail only on a
// read of v.
func foreignReader(call ssa.CallInstruction, fn *types.Func, v ssa.Value) bool {
	if fn.Pkg() == nil || httpapi.IsStd(fn.Pkg()) || fn.Pkg() == call.Parent().Pkg.Pkg {
		return false
	}
	sig := fn.Signature()
	res := sig.Results()
	if res.Len() != 2 || !ssaflow.IsError(res.At(1).Type()) || !isReaderInterface(res.At(0).Type()) {
		return false
	}
	for i, arg := range callee.Args(call.Common(), fn) {
		if arg == v && i < sig.Params().Len() && ReaderOnly(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

func isReaderInterface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for m := range iface.Methods() {
		if m.Name() == "Read" {
			return true
		}
	}
	return false
}

// ReaderOnly reports whether t is a non-empty interface without a Close
// method: a function given a body as such a value may read it but cannot
// close it without a type assertion.
func ReaderOnly(t types.Type) bool {
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

// InfallibleWriter reports whether w, the writer a copy writes into, never
// fails: io.Discard or one of [httpapi.InfallibleWriters].
func InfallibleWriter(w ssa.Value) bool {
	w = ssaflow.Unconverted(w)
	if IsLoadOf(w, httpapi.Discard) {
		return true
	}
	for _, t := range httpapi.InfallibleWriters {
		if t.Matches(w.Type()) || t.MatchesPtr(w.Type()) {
			return true
		}
	}
	return false
}
