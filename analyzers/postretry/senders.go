package postretry

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// This file judges sender wrappers: functions that hand the response of
// their send back to their callers, who decide whether to retry.

// maxWrapperDepth bounds the sender wrappers [state.handedBack] climbs.
const maxWrapperDepth = 4

// handedBack reports whether call's response is handed back to the
// callers of its function, a sender wrapper (a function returning the
// *http.Response that call gives it, as http.Post returns Client.Do's:
// prometheus/alertmanager's notify.PostJSON), up to depth wrappers up, to
// callers that the package cannot see (an exported wrapper's, which
// decide whether to retry, as its notifiers do) and to none of the
// package's that does not retry: every call of a wrapper is retried
// ([state.isRetried]) or hands the response on.
func (s *state) handedBack(call ssa.CallInstruction, depth int) bool {
	fn := call.Parent()
	if depth == 0 || fn.Parent() != nil || !returnsResponse(call) {
		return false
	}
	// The package's calls, through its interfaces too
	// ([ssaflow.Index.Invokers]: release-utils' agent calls its
	// implementation's SendPostRequest so).
	calls := slices.Concat(s.index.Callers(fn), s.index.Invokers(fn))
	for _, c := range calls {
		if !s.ignored(c, fn) && !s.isRetried(c) && !s.handedBack(c, depth-1) {
			return false
		}
	}
	return s.index.MayHaveUnseenCallers(fn) || slices.ContainsFunc(calls, func(c ssa.CallInstruction) bool {
		return !s.ignored(c, fn) && s.handedBack(c, depth-1)
	})
}

// returnsResponse reports whether call's function returns call's first
// result, the response, as one of its own (also through the variables a
// function with defers keeps its results in: [ssaflow.ResultAfter]).
func returnsResponse(call ssa.CallInstruction) bool {
	v, ok := call.(*ssa.Call)
	if !ok {
		return false
	}
	resp := ssaflow.CallResult(v, 0)
	if resp == nil || !httpapi.Response.MatchesPtr(resp.Type()) {
		return false
	}
	for _, ret := range ssaflow.Returns(call.Parent()) {
		for i := range ret.Results {
			if slices.Contains(ssaflow.ResultAfter(call, ret, i), resp) {
				return true
			}
		}
	}
	return false
}
