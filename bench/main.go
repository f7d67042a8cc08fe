// Command bench measures kalint on a pinned corpus of real HTTP-heavy code.
//
// Run it from this directory (or through ./run):
//
//	go run .                  # the full benchmark: writes RESULTS.md and findings/
//	go run . -smoke           # a few packages, one repetition, writes nothing (CI)
//	go run . -golangci BIN    # golangci-lint's standard linters with and without kalint
//
// In one run on the same packages it times kalint with all its analyzers,
// each analyzer alone, the loading floor (./floor: a no-op analyzer in the
// suite's loading mode) and the peer bodyclose, alternating them over several
// repetitions; repeats that on fractions of the corpus; times `go vet
// -vettool` with a cold and a warm build cache; checks kalint on std; and
// writes every finding, module-relative and sorted, to findings/<analyzer>.txt.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// bodyclose is the peer, pinned (it has no releases, only commits).
const bodyclose = "github.com/timakin/bodyclose@v0.0.0-20260723120731-857993a2939c"

// smokePackages is how many non-standard entries of packages.txt, from the
// top, -smoke analyses.
const smokePackages = 3

type config struct {
	reps          int
	fractions     []float64
	smoke         bool
	skipBodyclose bool
	vetPackage    string
	record        bool
	golangci      string
}

func main() {
	var cfg config
	var fractions string
	flag.IntVar(&cfg.reps, "reps", 3, "timed repetitions of each tool on each fraction")
	flag.StringVar(&fractions, "fractions", "0.25,0.5,1", "fractions of the corpus to time, comma-separated")
	flag.BoolVar(&cfg.smoke, "smoke", false, fmt.Sprintf("smoke test: the first %d non-standard packages, 1 repetition, no go vet or std run, writes nothing", smokePackages))
	flag.BoolVar(&cfg.skipBodyclose, "skip-bodyclose", false, "do not install, time or run bodyclose")
	flag.StringVar(&cfg.vetPackage, "vet", "github.com/hashicorp/go-retryablehttp", `package pattern for the cold and warm "go vet -vettool" runs ("" skips them)`)
	flag.BoolVar(&cfg.record, "record", true, "write RESULTS.md and findings/ (never with -smoke)")
	flag.StringVar(&cfg.golangci, "golangci", "", "only time this golangci-lint binary (built with the kalint plugin) with the standard linters, with and without kalint, on -fractions; prints, writes nothing")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go run . [flags]   (from bench/)\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	var err error
	if cfg.fractions, err = parseFractions(fractions); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	if cfg.reps < 1 {
		fmt.Fprintln(os.Stderr, "bench: -reps must be at least 1")
		os.Exit(2)
	}
	if cfg.smoke {
		cfg.reps, cfg.fractions, cfg.vetPackage, cfg.record = 1, []float64{1}, "", false
	}
	run := run
	if cfg.golangci != "" {
		run = func(cfg config, args string) error { return golangciCost(cfg, cfg.golangci, args) }
	}
	if err := run(cfg, strings.Join(os.Args[1:], " ")); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func parseFractions(s string) ([]float64, error) {
	var fs []float64
	for field := range strings.SplitSeq(s, ",") {
		f, err := strconv.ParseFloat(strings.TrimSpace(field), 64)
		if err != nil || f <= 0 || f > 1 {
			return nil, fmt.Errorf("-fractions: %q is not a fraction in (0, 1]", field)
		}
		fs = append(fs, f)
	}
	slices.Sort(fs)
	return slices.Compact(fs), nil
}
