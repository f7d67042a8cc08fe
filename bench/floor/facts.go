//go:build facts

package main

// Built with -tags facts, the floor declares a fact type whatever the suite
// does: it is then the loading floor of a design with cross-package facts,
// which the benchmark times beside the suite (docs/design.md, "No buildssa,
// no facts").
func init() { withFacts = true }
