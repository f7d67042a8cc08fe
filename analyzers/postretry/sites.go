package postretry

import (
	"fmt"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// checkSites judges a send whose request may have methods that are not
// reported, or not only constants, by the package's calls of the helper
// that builds or takes it (see [httpflow.Sites]): each call is judged by
// the method it passes, so a helper called with GET and with an unretried
// POST is reported for the POST.
func (s *state) checkSites(call ssa.CallInstruction, snd send, reqArg ssa.Value) {
	if s.loopRetries(call) {
		return
	}
	for _, site := range httpflow.Sites(s.back, s.local(), reqArg) {
		if len(site.Calls) == 0 {
			continue // the send's own view, judged as a whole already
		}
		req := s.fromWalk(site.Request)
		method, ok := s.method(snd, req)
		if !ok || req.replayable() || req.closes || s.chainRetried(site.Calls) || s.siteHandedBack(call, site.Calls) {
			continue
		}
		outer := site.Calls[len(site.Calls)-1]
		s.report(call, analysis.Diagnostic{
			Message: fmt.Sprintf("%s via %s is not retried when the server closes an idle connection (sporadic EOF)", method, snd.name),
			Related: []analysis.RelatedInformation{{Pos: outer.Pos(), Message: fmt.Sprintf("sent with %s from here", method)}},
		}, req, "retry the request, or set an Idempotency-Key header")
		return
	}
}

// siteHandedBack reports whether the response of call, the send, is
// returned by each function of a site's calls, innermost first, and by the
// outermost's on to callers that decide ([state.handedBack]):
// alertmanager's request(ctx, c, method, ...) sends what post gives it,
// and PostJSON returns post's response.
func (s *state) siteHandedBack(call ssa.CallInstruction, calls []*ssa.Call) bool {
	if !returnsResponse(call) {
		return false
	}
	for _, c := range calls[:len(calls)-1] {
		if !returnsResponse(c) {
			return false
		}
	}
	return s.handedBack(calls[len(calls)-1], maxWrapperDepth)
}

// chainRetried reports whether a site's calls, innermost first, are
// retried: one of them sits in a retrying loop, or the function making the
// outermost is retried by all its uses. A call in a test file that the
// options leave out counts as retried: it says nothing of the program.
func (s *state) chainRetried(calls []*ssa.Call) bool {
	for _, c := range calls {
		if s.ignored(c, callee.Body(&c.Call)) || s.loopRetries(c) {
			return true
		}
	}
	return s.funcRetried(calls[len(calls)-1].Parent())
}
