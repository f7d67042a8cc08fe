// Command floor is the benchmark's loading floor: a multichecker, like
// kalint, whose only analyzer does nothing. Its run time and memory are what
// loading and type-checking the packages costs in kalint's driver, so
// kalint/floor is the cost of the analyzers themselves.
//
// The floor mirrors the suite's loading mode: when any kalint analyzer (or
// one it requires) declares facts, the checker loads every dependency from
// source instead of export data, and so must the floor. Its Doc, shown by
// `floor help`, says which mode it is in.
package main

import (
	"github.com/kalint/kalint/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// noFact is the floor's fact type, declared only when the suite has facts
// or the floor is built with -tags facts (withFacts).
type noFact struct{}

var withFacts = false

func (*noFact) AFact() {}

func main() {
	floor := &analysis.Analyzer{
		Name: "floor",
		Doc:  "do nothing; dependencies from export data (the suite declares no facts)",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	if withFacts || usesFacts(analyzers.All(), map[*analysis.Analyzer]bool{}) {
		floor.Doc = "do nothing; dependencies from source (the suite declares facts)"
		if withFacts {
			floor.Doc = "do nothing; dependencies from source (a fact type declared, as a design with facts needs)"
		}
		floor.FactTypes = []analysis.Fact{new(noFact)}
	}
	multichecker.Main(floor)
}

// usesFacts reports whether any of the analyzers, or any they require,
// declares a fact type.
func usesFacts(as []*analysis.Analyzer, seen map[*analysis.Analyzer]bool) bool {
	for _, a := range as {
		if seen[a] {
			continue
		}
		seen[a] = true
		if len(a.FactTypes) > 0 || usesFacts(a.Requires, seen) {
			return true
		}
	}
	return false
}
