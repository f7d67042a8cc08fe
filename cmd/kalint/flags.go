package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// options are the standalone driver's flags.
type options struct {
	json, sarif, fix, diff, tests bool
	verbose                       bool
	context                       int
}

// parseFlags parses the standalone command line: the driver's flags, an
// -<analyzer> flag per analyzer and its flags as -<analyzer>.<flag>. It
// returns the options, the analyzers to run and the remaining arguments;
// bad flags exit with status 2 (flag.ExitOnError).
func parseFlags(all []*analysis.Analyzer, args []string) (*options, []*analysis.Analyzer, []string, *flag.FlagSet) {
	fs := flag.NewFlagSet("kalint", flag.ExitOnError)
	opts := &options{tests: true, context: -1}
	fs.BoolVar(&opts.json, "json", false, "print findings as JSON on standard output (exit status 0 with findings)")
	fs.BoolVar(&opts.sarif, "sarif", false, "print findings as SARIF 2.1.0 on standard output, for code-scanning uploads")
	fs.BoolVar(&opts.fix, "fix", false, "apply suggested fixes, then print what was fixed and the findings that remain")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of writing files")
	fs.BoolVar(&opts.tests, "test", true, "analyse test files too")
	fs.IntVar(&opts.context, "c", -1, "print the offending line with this many lines of context")
	fs.BoolVar(&opts.verbose, "v", false, "verbose: also print notes on standard error, where an analyzer stopped short of a function too large to analyse (its findings there may be missing)")
	for _, name := range []string{"source", "all"} {
		fs.Bool(name, false, "no effect (deprecated vet flag)")
	}
	fs.String("tags", "", "no effect (deprecated vet flag)")
	fs.Bool("V", false, "print the version and exit (-V=full: with the build ID)")
	enabled := map[*analysis.Analyzer]*triState{}
	for _, a := range all {
		enabled[a] = new(triState)
		fs.Var(enabled[a], a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	// After a bad flag or value (and for -h), one line instead of the list
	// of every flag, which would bury the error; `kalint help` lists them.
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: kalint [-flag] [package]; run 'kalint help' for the analyzers and their flags")
	}
	fs.Parse(args) // exits 2 on a bad flag
	if opts.json && opts.sarif {
		fmt.Fprintln(fs.Output(), "kalint: -json and -sarif are exclusive")
		os.Exit(2)
	}
	return opts, selected(all, enabled), fs.Args(), fs
}

// selected applies the -<analyzer> flags as multichecker does: if any is
// true, only those run; otherwise all but those set to false.
func selected(all []*analysis.Analyzer, enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	want := unset
	for _, ts := range enabled {
		if *ts == setTrue || *ts == setFalse && want == unset {
			want = *ts
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		switch want {
		case setTrue:
			if *enabled[a] == setTrue {
				out = append(out, a)
			}
		case setFalse:
			if *enabled[a] != setFalse {
				out = append(out, a)
			}
		default:
			out = append(out, a)
		}
	}
	return out
}

// A triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) Get() any { return *ts != setFalse }

func (ts *triState) String() string {
	if ts != nil && *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	*ts = setFalse
	if b {
		*ts = setTrue
	}
	return nil
}
