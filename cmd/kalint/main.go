// Command kalint finds the mistakes that make Go HTTP clients and servers
// lose their keep-alive connections.
//
// Standalone:
//
//	kalint ./...
//
// As a vet tool:
//
//	go vet -vettool=$(command -v kalint) ./...
//
// Run `kalint help` for the analyzers and their flags. Exit status: 0 no
// findings, 1 errors (including packages that do not type-check), 3 findings.
package main

import (
	"github.com/kalint/kalint/analyzers"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() { multichecker.Main(analyzers.All()...) }
