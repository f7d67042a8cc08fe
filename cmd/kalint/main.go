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
// findings, 1 errors (including packages that do not type-check), 2 a bad
// flag or flag value (nothing is analysed), 3 findings.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kalint/kalint/analyzers"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() {
	// The flag package prints this after a bad flag or value (and for -h):
	// one line instead of the default list of every flag, which would bury
	// the error; `kalint help` lists them.
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: %[1]s [-flag] [package]; run '%[1]s help' for the analyzers and their flags\n",
			filepath.Base(os.Args[0]))
	}
	multichecker.Main(analyzers.All()...)
}
