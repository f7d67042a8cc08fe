package shareddefault

import (
	"go/ast"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// cloneFix returns the fix that appends .Clone() to the assertion
// x.(*http.Transport) through which the write reached load, a load of
// http.DefaultTransport, when that keeps the program's meaning: the
// asserted transport is only configured (fields written or read, changed
// in place) and then handed to clients of the package's own (as their
// Transport) or returned. A direct write, which has no such use, relies on
// the global effect and gets no fix. walked are the values the write's
// target was traced back through. The fix is offered at one write only.
func (s *state) cloneFix(load ssa.Value, walked []ssa.Value) *analysis.SuggestedFix {
	var ta *ssa.TypeAssert
	for _, ref := range *load.Referrers() {
		switch ref := ref.(type) {
		case *ssa.TypeAssert:
			if ta != nil || ref.CommaOk || !httpapi.Transport.MatchesPtr(ref.AssertedType) || !slices.Contains(walked, ssa.Value(ref)) {
				return nil
			}
			ta = ref
		case *ssa.DebugRef:
		default:
			return nil // the default itself is used otherwise too
		}
	}
	if ta == nil || s.fixed[ta] || !s.onlyConfigured((&ssaflow.Tracer{Index: s.x, Fields: true, OwnFields: true, NoReturns: true}).Trace(ta)) {
		return nil
	}
	_, path := s.rep.Path(ta.Pos())
	for _, n := range path {
		if e, ok := n.(*ast.TypeAssertExpr); ok && e.Lparen == ta.Pos() {
			s.fixed[ta] = true
			return &analysis.SuggestedFix{
				Message:   "Configure a Clone() of http.DefaultTransport",
				TextEdits: []analysis.TextEdit{{Pos: e.End(), End: e.End(), NewText: []byte(".Clone()")}},
			}
		}
	}
	return nil
}

// onlyConfigured reports whether flow, the uses of a transport, only
// configures it and then returns it or sets it as the Transport of at
// least one client other than http.DefaultClient.
func (s *state) onlyConfigured(flow *ssaflow.Flow) bool {
	handed := false
	for _, h := range flow.HandOffs {
		switch h.Kind {
		case ssaflow.Return:
			handed = true
		case ssaflow.Store:
			st, _ := h.Instr.(*ssa.Store)
			if st == nil {
				return false
			}
			if c := httpflow.TransportClient(st); c == nil || httpflow.IsLoadOf(c, httpapi.DefaultClient) {
				return false
			}
			handed = true
		case ssaflow.Call:
			fn := callee.Func(h.Instr.(ssa.CallInstruction).Common())
			if !httpapi.TransportChangers.Matches(fn) && !httpapi.TransportClone.Matches(fn) {
				return false
			}
		default:
			return false
		}
	}
	for _, v := range flow.Values {
		if !shared(v) {
			continue
		}
		for _, ref := range s.x.Referrers(v) {
			if u, ok := ref.(*ssa.UnOp); ok && u.X == v {
				return false // a copy of the whole transport
			}
		}
	}
	return handed
}
