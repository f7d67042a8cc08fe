// Package analyzers is the kalint suite: analyzers for the mistakes that make
// Go HTTP clients and servers lose their keep-alive connections.
package analyzers

import (
	"github.com/kalint/kalint/analyzers/connfile"
	"github.com/kalint/kalint/analyzers/dialkeepalive"
	"github.com/kalint/kalint/analyzers/idleperhost"
	"github.com/kalint/kalint/analyzers/keepalivesoff"
	"github.com/kalint/kalint/analyzers/postretry"
	"github.com/kalint/kalint/analyzers/respbody"
	"github.com/kalint/kalint/analyzers/serveridle"
	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis"
)

// All returns the suite with default options, in a fixed order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		serveridle.Analyzer,
		idleperhost.Analyzer,
		respbody.Analyzer,
		transportreuse.Analyzer,
		dialkeepalive.Analyzer,
		postretry.Analyzer,
		keepalivesoff.Analyzer,
		connfile.Analyzer,
	}
}
