// Command floor is the benchmark's loading floor: a multichecker whose
// only analyzer does nothing. Its run time and memory are what loading and
// type-checking the packages costs, so kalint/floor is the cost of the
// analyzers themselves.
//
// The floor mirrors kalint's loading mode: dependencies from export data.
// kalint's own analyzers with facts (idleperhost's idlepools,
// transportreuse's transportmakers) do not change it, since kalint passes
// facts only between the packages it analyses (analysedOnly in
// cmd/kalint). Built with -tags facts, the floor declares a fact type, and
// the multichecker then loads every dependency from source: the floor of
// a design whose facts come from every dependency. Its Doc, shown by
// `floor help`, says which mode it is in.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// noFact is the floor's fact type, declared only when the floor is built
// with -tags facts (withFacts).
type noFact struct{}

var withFacts = false

func (*noFact) AFact() {}

func main() {
	floor := &analysis.Analyzer{
		Name: "floor",
		Doc:  "do nothing; dependencies from export data (as kalint loads them)",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	if withFacts {
		floor.Doc = "do nothing; dependencies from source (a fact type declared, as a design with facts from every dependency needs)"
		floor.FactTypes = []analysis.Fact{new(noFact)}
	}
	multichecker.Main(floor)
}
