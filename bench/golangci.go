package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The two golangci-lint configurations that -golangci compares: the
// standard linter set (which loads every dependency from source, since
// staticcheck declares facts), and the same with kalint added. A module
// plugin that the configuration names joins the standard set, so the
// baseline does not name it at all.
const (
	golangciBaseline = `version: "2"
linters:
  default: standard
`
	golangciWithKalint = `version: "2"
linters:
  default: standard
  enable: [kalint]
  settings:
    custom:
      kalint:
        type: module
        description: keep-alive mistakes in Go HTTP clients and servers
`
)

// golangciFlags are the flags of every timed golangci-lint run: the same
// files as the other drivers (no tests), every issue kept (so that kalint's
// findings are counted, not capped), exit status 0 with issues, and no
// lock against other golangci-lint processes on the machine.
var golangciFlags = []string{"--tests=false", "--issues-exit-code=0", "--allow-parallel-runners",
	"--output.json.path=stdout", "--show-stats=false", "--max-issues-per-linter=0", "--max-same-issues=0",
	"--uniq-by-line=false", "--timeout=30m"}

// A golangciSeries is one configuration's runs: each with an empty
// golangci-lint cache (cold), then again with the cache it filled (warm).
type golangciSeries struct {
	name       string
	config     string
	cold, warm series
	kalint     int // kalint's issues in the last run
}

// golangciCost times golangci-lint bin (a build with the kalint plugin) on
// each fraction of the corpus's non-standard packages, with and without
// kalint, alternating the two, and prints the comparison as Markdown. It
// writes nothing: the numbers go into docs/golangci-lint.md by hand, with
// the command.
func golangciCost(cfg config, bin, args string) error {
	pkgs, err := corpusPackages(false)
	if err != nil {
		return err
	}
	pkgs = slices.DeleteFunc(pkgs, isStd) // golangci-lint reports nothing in GOROOT
	// golangci-lint takes directories, not import paths.
	dirs, err := output(".", "go", append([]string{"list", "-f", "{{.Dir}}"}, pkgs...)...)
	if err != nil {
		return err
	}
	pkgs = strings.Fields(dirs)
	if bin, err = filepath.Abs(bin); err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("-golangci: %v", err)
	}
	tmp, err := os.MkdirTemp("", "kalint-bench-golangci-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var runs []*golangciSeries
	for name, text := range map[string]string{"standard": golangciBaseline, "standard + kalint": golangciWithKalint} {
		path := filepath.Join(tmp, strings.ReplaceAll(strings.ReplaceAll(name, " ", ""), "+", "-")+".yml")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
		runs = append(runs, &golangciSeries{name: name, config: path})
	}
	slices.SortFunc(runs, func(a, b *golangciSeries) int { return strings.Compare(a.name, b.name) })

	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("Produced by `cd bench && go run .%s` on %s; load average before: %s.", prefixed(" ", args), time.Now().Format("2006-01-02"), loadAverage())
	p("")
	p("| packages | linters | cold wall min | cold wall median | cold CPU min | cold peak RSS (median) | warm wall min | kalint issues |")
	p("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	var ratios []string
	for _, share := range cfg.fractions {
		f := spread(pkgs, share)
		for _, s := range runs {
			s.cold, s.warm = series{tool: s.name}, series{tool: s.name}
		}
		for r := range cfg.reps {
			for k := range runs {
				s := runs[(r+k)%len(runs)]
				progress("golangci-lint, %d packages, repetition %d/%d: %s", len(f), r+1, cfg.reps, s.name)
				if err := s.time(bin, tmp, f); err != nil {
					return err
				}
			}
		}
		base, with := runs[0], runs[1]
		if with.kalint == 0 {
			return fmt.Errorf("golangci-lint reported no kalint issue on %d packages: is %s built with the plugin?", len(f), bin)
		}
		for _, s := range runs {
			p("| %d | %s | %s | %s | %s | %s | %s | %d |", len(f), s.name, secs(s.cold.minWall()), secs(s.cold.medianWall()),
				secs(s.cold.minCPU()), mb(s.cold.medianRSS()), secs(s.warm.minWall()), s.kalint)
		}
		ratios = append(ratios, fmt.Sprintf("- %d packages, with kalint / without, paired by repetition: cold wall time %s, CPU time %s, peak RSS %s; warm wall time %s",
			len(f), ratio(with.cold.paired(&base.cold, wallOf), 1), ratio(with.cold.paired(&base.cold, cpuOf), 1),
			ratio(with.cold.paired(&base.cold, rssOf), 1), ratio(with.warm.paired(&base.warm, wallOf), 1)))
	}
	p("")
	for _, line := range ratios {
		p("%s", line)
	}
	p("")
	p("Load average after: %s. golangci-lint: %s, golang.org/x/tools %s.", loadAverage(), bin, toolsVersion(bin))
	fmt.Print(b.String())
	return nil
}

// time runs golangci-lint on pkgs twice with a new cache: cold, then warm.
func (s *golangciSeries) time(bin, tmp string, pkgs []string) error {
	cache, err := os.MkdirTemp(tmp, "cache-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cache)
	env := []string{"GOLANGCI_LINT_CACHE=" + cache}
	args := append(append([]string{"run", "--config", s.config}, golangciFlags...), pkgs...)
	for _, into := range []*series{&s.cold, &s.warm} {
		sample, out, err := measure(".", env, bin, args...)
		if err != nil {
			return err
		}
		var res struct{ Issues []struct{ FromLinter string } }
		if err := json.Unmarshal(out, &res); err != nil {
			return fmt.Errorf("golangci-lint JSON: %v", err)
		}
		s.kalint = 0
		for _, is := range res.Issues {
			if is.FromLinter == "kalint" {
				s.kalint++
			}
		}
		into.samples = append(into.samples, sample)
	}
	return nil
}
