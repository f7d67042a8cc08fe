package respbody

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A summary is what a function does, on all its paths, with a response
// (or body) it receives as a parameter or captures.
type summary struct {
	ends                    bool // closed or handed off on every path
	returns                 bool // handed back to the caller on some path
	results                 bool // the function has results
	close, read, full, kept bool
	// okLeaks: every path that leaves the body open returns a nil
	// error (the function's last result): it is released, or read to
	// EOF, wherever the function reports a failure.
	okLeaks bool
}

// effect is the summary as the effect of one call of the function. A
// function with results that closes the body on some of its paths may
// have released it: which of its paths ran usually shows in its result
// (`if err := check(resp); err != nil { return err }` after a check that
// closes on error), and the caller's branches on it cannot be told apart.
// The caller's paths go on (the response may still be returned: `return
// resp, check(resp)`), but leak nowhere. One that closes the body or reads
// it to EOF on every path where it returns an error, and leaves it open
// only where it returns nil (okLeaks; reading to EOF hands the connection
// back as a close does: bodyEOFSignal in net/http/transport.go; benthos'
// checkResponse reads a failed answer with io.ReadAll, and leaves a
// successful one to its caller), releases it where its error is not nil:
// the caller's successors of `err != nil` carry no open body, and its
// paths where the error is nil still hold it.
func (sum summary) effect(call ssa.CallInstruction) effect {
	e := effect{ends: sum.ends, close: sum.close, read: sum.read, full: sum.full, kept: sum.kept}
	switch {
	case sum.ends:
	case (sum.close || sum.full) && sum.okLeaks:
		e.errReleases = true
	case sum.close && sum.results:
		e.mayClose = true
	case !sum.returns:
		e.notClosed = call
	}
	return e
}

// okLeaks reports whether every one of leaks, the exits of fn that leave
// a body open, is a return of a nil error as fn's last result (through
// the variables a function with defers keeps its results in:
// [ssaflow.LastResultAfter]).
func okLeaks(fn *ssa.Function, leaks []exit) bool {
	results := fn.Signature.Results()
	if results.Len() == 0 || !ssaflow.IsError(results.At(results.Len()-1).Type()) || len(fn.Blocks) == 0 {
		return false
	}
	entry := fn.Blocks[0].Instrs[0]
	for _, l := range leaks {
		ret, ok := l.instr.(*ssa.Return)
		if !ok {
			return false
		}
		vals := ssaflow.LastResultAfter(entry, ret)
		if len(vals) == 0 || slices.ContainsFunc(vals, func(v ssa.Value) bool { return !ssaflow.IsNil(v) }) {
			return false
		}
	}
	return true
}

type summaryKey struct {
	root  ssa.Value
	k     kind
	isLoc bool
}

// summary returns (memoised) what fn does with root, its parameter or free
// variable, holding a response or body (or, when isLoc, the address of a
// variable holding one). A function met again while its summary is being
// computed (recursion) is taken to keep the value: quiet.
func (s *state) summary(fn *ssa.Function, root ssa.Value, k kind, isLoc bool) summary {
	key := summaryKey{root, k, isLoc}
	if sum, ok := s.summaries[key]; ok {
		return sum
	}
	s.summaries[key] = summary{ends: true, kept: true}
	roots := map[ssa.Value]kind{root: k}
	var t *tracked
	if isLoc {
		t = s.track(fn, nil, roots)
	} else {
		t = s.track(fn, roots, nil)
	}
	sum := summary{results: fn.Signature.Results().Len() > 0}
	if len(fn.Blocks) > 0 {
		w := s.walk(t, fn.Blocks[0], 0, nil, nil)
		sum.returns = len(w.returned) > 0
		sum.ends = len(w.leaks) == 0 && !sum.returns
		sum.okLeaks = okLeaks(fn, w.leaks)
	}
	for _, e := range t.effects {
		sum.close = sum.close || e.close
		sum.read = sum.read || e.read
		sum.full = sum.full || e.full
		sum.kept = sum.kept || e.kept
	}
	s.summaries[key] = sum
	return sum
}
