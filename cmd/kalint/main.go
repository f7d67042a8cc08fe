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
// findings, 1 errors (including packages that do not type-check), 2 bad
// flags, 3 findings.
package main

import (
	"log"
	"os"

	"github.com/kalint/kalint/analyzers"
	"golang.org/x/tools/go/analysis"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("kalint: ")
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		log.Fatal(err)
	}
	args := os.Args[1:]
	if full, ok, err := versionFlag(args); err != nil {
		log.Print(err)
		os.Exit(2)
	} else if ok {
		os.Exit(printVersion(os.Stdout, full))
	}
	if vetMode(args) {
		runVet(all) // does not return
	}
	os.Exit(standalone(all, args))
}
