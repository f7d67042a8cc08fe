package transportreuse

import (
	"go/types"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Constructors of other packages cannot be summarised: that would take
// facts, and facts make every driver load and analyse every dependency from
// source (on the benchmark corpus the loading floor alone then costs 2.1x
// the CPU time and 2.6x the memory). Instead, two rules say which calls of
// another package's functions make a fresh transport:
//
//   - a package-level function named New... that returns an
//     *http.Transport and takes none (so cannot be handing one back): a
//     constructor, by Go's naming convention;
//   - the well-known constructors of [httpapi.Constructors], read in their
//     source: they make a transport with keep-alives on at every call.

// foreign returns the result index of fn, a function of another package,
// that holds a fresh transport, and whether it has one.
func foreign(fn *types.Func) (int, bool) {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return 0, false
	}
	if httpapi.ConstructorOf(fn) != nil {
		return 0, true
	}
	if !strings.HasPrefix(fn.Name(), "New") {
		return 0, false
	}
	sig := fn.Signature()
	for v := range sig.Params().Variables() {
		if t := v.Type(); httpapi.Transport.MatchesPtr(t) || httpapi.RoundTripper.Matches(t) || httpapi.Client.MatchesPtr(t) {
			return 0, false
		}
	}
	for i := range sig.Results().Len() {
		if httpapi.Transport.MatchesPtr(sig.Results().At(i).Type()) {
			return i, true
		}
	}
	return 0, false
}

// passedOn returns the result of a call that holds the traced wrapper
// client it is called on: a setter returning its receiver, or a method in
// holders (retryablehttp's StandardClient). nil if the call does not.
func passedOn(h ssaflow.HandOff, fn *types.Func) ssa.Value {
	c := httpapi.WrapperOf(fn)
	call, ok := h.Instr.(*ssa.Call)
	if c == nil || !ok || call.Call.IsInvoke() || len(call.Call.Args) == 0 || call.Call.Args[0] != h.Value {
		return nil
	}
	results := fn.Signature().Results()
	if results.Len() != 1 {
		return nil
	}
	if slices.Contains(c.Holders, fn.Name()) || types.Identical(results.At(0).Type(), fn.Signature().Recv().Type()) {
		return call
	}
	return nil
}

// wrapperSend reports whether fn sends a request through the wrapper
// client it is a method of.
func wrapperSend(fn *types.Func) bool {
	c := httpapi.WrapperOf(fn)
	return c != nil && slices.Contains(c.Sends, fn.Name())
}
