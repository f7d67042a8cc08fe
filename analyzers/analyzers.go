// Package analyzers is the kalint suite: analyzers for the mistakes that make
// Go HTTP clients and servers lose their keep-alive connections.
package analyzers

import (
	"github.com/kalint/kalint/analyzers/serveridle"
	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis"
)

// All returns the suite with default options, in a fixed order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		serveridle.Analyzer,
		transportreuse.Analyzer,
	}
}
