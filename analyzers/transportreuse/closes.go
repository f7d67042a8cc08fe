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
	if s.reqBack == nil {
		s.reqBack = &ssaflow.Backtracer{Index: s.x, Through: httpflow.Derived}
	}
	for _, send := range u.requests {
		common := send.Common()
		fn := callee.Func(common)
		if !httpapi.ClientDo.Matches(fn) && !httpapi.IsRoundTrip(fn) {
			return false
		}
		i := slices.IndexFunc(common.Args, func(a ssa.Value) bool { return httpapi.Request.MatchesPtr(a.Type()) })
		if i < 0 || !httpflow.ClosesConnection(s.x, s.reqBack.Sources(common.Args[i]), send) {
			return false
		}
	}
	return len(u.requests) > 0
}
