package transportreuse

import (
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// closesEvery reports whether every request sent through the traced
// transport asks for its connection to be closed after the response, on
// every path to its send (see [httpflow.ClosesConnection]): then the transport keeps no idle connection, as
// with DisableKeepAlives, and its pool is not lost. Sends that make their
// own request (Get, Post) or forward another (a reverse proxy, which
// clears Close) keep theirs.
func (s *state) closesEvery(u *use) bool {
	return len(u.requests) > 0 && !slices.ContainsFunc(u.requests, func(send ssa.CallInstruction) bool { return !s.closesConnection(send) })
}

// closesConnection reports whether send is a Client.Do or RoundTrip whose
// request asks for its connection to be closed on every path to it
// ([httpflow.ClosesConnection]).
func (s *state) closesConnection(send ssa.CallInstruction) bool {
	if s.reqBack == nil {
		s.reqBack = &ssaflow.Backtracer{Index: s.x, Through: httpflow.Derived}
	}
	common := send.Common()
	fn := callee.Func(common)
	if !httpapi.ClientDo.Matches(fn) && !httpapi.IsRoundTrip(fn) {
		return false
	}
	i := slices.IndexFunc(common.Args, func(a ssa.Value) bool { return httpapi.Request.MatchesPtr(a.Type()) })
	return i >= 0 && httpflow.ClosesConnection(s.x, s.reqBack.Sources(common.Args[i]), send)
}
