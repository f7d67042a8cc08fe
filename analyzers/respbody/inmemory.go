package respbody

import (
	"go/types"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"golang.org/x/tools/go/ssa"
)

// inMemory reports whether a RoundTrip call goes through a transport made
// in the same function that dials only in memory
// ([httpflow.InMemoryTransport]): httputil.DumpRequestOut's shape. Its
// response has no network connection behind it, so there is nothing to
// leak or reuse.
func inMemory(common *ssa.CallCommon, fn *types.Func) bool {
	if !httpapi.TransportRoundTrip.Matches(fn) || common.IsInvoke() || len(common.Args) == 0 {
		return false
	}
	t, ok := common.Args[0].(*ssa.Alloc)
	return ok && httpflow.InMemoryTransport(t)
}
