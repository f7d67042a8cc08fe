package main

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// vetMode reports whether go vet runs kalint: on one unit's .cfg file, or
// with -flags to learn which flags kalint accepts.
func vetMode(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	return slices.Contains(args, "-flags") || slices.Contains(args, "--flags")
}

// runVet hands the unit to unitchecker, which speaks go vet's protocol
// (facts, export data, -json, -fix). go vet (since Go 1.26) always asks
// the tool for JSON and prints the text itself without the analyzer's
// name, and kalint cannot tell that from `go vet -json`; so under go vet
// every message starts with its analyzer's name, as in standalone text.
func runVet(all []*analysis.Analyzer) {
	unitchecker.Main(named(all)...)
}

// named returns copies of the analyzers whose diagnostics start with
// "<analyzer>: ". The copies share the originals' flags and requirements.
func named(all []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range all {
		c := *a
		c.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				d.Message = a.Name + ": " + d.Message
				report(d)
			}
			return a.Run(pass)
		}
		out = append(out, &c)
	}
	return out
}
