// Package analyzers is the kalint suite: analyzers for the mistakes that make
// Go HTTP clients and servers lose their keep-alive connections.
package analyzers

import (
	"github.com/kalint/kalint/analyzers/connfile"
	"github.com/kalint/kalint/analyzers/dialkeepalive"
	"github.com/kalint/kalint/analyzers/h2health"
	"github.com/kalint/kalint/analyzers/idleperhost"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/keepalivesoff"
	"github.com/kalint/kalint/analyzers/postretry"
	"github.com/kalint/kalint/analyzers/respbody"
	"github.com/kalint/kalint/analyzers/serveridle"
	"github.com/kalint/kalint/analyzers/shareddefault"
	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis"
)

// NolintFlag is the flag, on every analyzer, that says whether it applies
// //nolint:kalint, //nolint:all and //nolint itself (by default it does);
// a driver that applies them, such as golangci-lint, sets it to false.
// //nolint:<analyzer> and kalint's own directives are applied either way.
const NolintFlag = report.NolintFlag

// All returns the suite with default options, in a fixed order. Each call
// makes new analyzers with their own flags, so a driver (the kalint
// command, the golangci-lint plugin, a test) can set them without changing
// anyone else's. This is the one list of the suite's analyzers.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		serveridle.New(serveridle.Options{}),
		idleperhost.New(idleperhost.Options{}),
		respbody.New(respbody.Options{}),
		transportreuse.New(transportreuse.Options{}),
		dialkeepalive.New(dialkeepalive.Options{}),
		postretry.New(postretry.Options{}),
		keepalivesoff.New(keepalivesoff.Options{}),
		connfile.New(connfile.Options{}),
		h2health.New(h2health.Options{}),
		shareddefault.New(shareddefault.Options{}),
	}
}
