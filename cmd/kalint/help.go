package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const usage = `kalint finds the mistakes that make Go HTTP clients and servers lose their
keep-alive connections.

Usage:
	kalint [flags] packages            analyse packages (e.g. ./...)
	go vet -vettool=$(command -v kalint) [flags] packages
	kalint help [analyzer]             this text, or an analyzer's doc and flags

Exit status: 0 no findings, 1 errors (such as a package that does not
type-check), 2 bad flags, 3 findings (with -json: 0).
`

// help prints the general help, or with names each analyzer's doc and
// flags. It returns the exit status.
func help(w io.Writer, all []*analysis.Analyzer, fs *flag.FlagSet, names []string) int {
	if len(names) == 0 {
		fmt.Fprint(w, usage)
		fmt.Fprint(w, "\nAnalyzers (all run by default; -NAME runs only the named ones, -NAME=false all but them):\n\n")
		for _, a := range all {
			summary, _, _ := strings.Cut(a.Doc, "\n")
			fmt.Fprintf(w, "    %-15s %s\n", a.Name, summary)
		}
		fmt.Fprint(w, "\nFlags:\n\n")
		core := flag.NewFlagSet("", flag.ContinueOnError)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(f.Name, ".") && !isAnalyzer(all, f.Name) {
				core.Var(f.Value, f.Name, f.Usage)
			}
		})
		core.SetOutput(w)
		core.PrintDefaults()
		fmt.Fprint(w, "\nRun 'kalint help NAME' for an analyzer's documentation and flags.\n")
		return 0
	}
	for _, name := range names {
		a := analyzerNamed(all, name)
		if a == nil {
			fmt.Fprintf(w, "kalint: no analyzer %q (see kalint help)\n", name)
			return 2
		}
		summary, rest, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "%s: %s\n", a.Name, summary)
		own := flag.NewFlagSet(a.Name, flag.ContinueOnError)
		a.Flags.VisitAll(func(f *flag.Flag) { own.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
		if hasFlags(&a.Flags) {
			fmt.Fprint(w, "\nAnalyzer flags:\n\n")
			own.SetOutput(w)
			own.PrintDefaults()
		}
		if rest = strings.TrimSpace(rest); rest != "" {
			fmt.Fprintf(w, "\n%s\n", rest)
		}
		fmt.Fprintf(w, "\nDocumentation: %s\n", a.URL)
	}
	return 0
}

func analyzerNamed(all []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range all {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func isAnalyzer(all []*analysis.Analyzer, name string) bool { return analyzerNamed(all, name) != nil }

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}
