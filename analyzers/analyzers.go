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
	"golang.org/x/tools/go/analysis"
)

// All returns the suite with default options, in a fixed order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		serveridle.Analyzer,
		respbody.Analyzer,
		dialkeepalive.Analyzer,
		keepalivesoff.Analyzer,
		connfile.Analyzer,
		postretry.Analyzer,
		idleperhost.Analyzer,
	}
}
