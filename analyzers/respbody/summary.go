package respbody

import "golang.org/x/tools/go/ssa"

// A summary is what a function does, on all its paths, with a response
// (or body) it receives as a parameter or captures.
type summary struct {
	ends                    bool // closed or handed off on every path
	returns                 bool // handed back to the caller on some path
	results                 bool // the function has results
	close, read, full, kept bool
}

// effect is the summary as the effect of one call of the function. A
// function with results that closes the body on some of its paths may have
// closed it: which of its paths ran usually shows in its result
// (`if err := check(resp); err != nil { return err }` after a check that
// closes on error), and the caller's branches on it cannot be told apart.
// The caller's paths go on (the response may still be returned: `return
// resp, check(resp)`), but leak nowhere.
func (sum summary) effect(call ssa.CallInstruction) effect {
	e := effect{ends: sum.ends, close: sum.close, read: sum.read, full: sum.full, kept: sum.kept}
	switch {
	case sum.ends:
	case sum.close && sum.results:
		e.mayClose = true
	case !sum.returns:
		e.notClosed = call
	}
	return e
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
