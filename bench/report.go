package main

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"time"
)

// markdown renders the report as RESULTS.md.
func (r *report) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	r.intro(p)
	for _, f := range slices.Backward(r.fractions) {
		f.timings(p)
	}
	r.targets(p)
	r.factsBound(p)
	if len(r.fractions) > 1 {
		r.growth(p)
	}
	if len(r.vet) > 0 {
		r.vetTimes(p)
	}
	if r.std != nil {
		r.stdRun(p)
	}
	r.findingsAndErrors(p)
	return b.String()
}

// intro writes the title, how the run was made and what the tools are.
func (r *report) intro(p func(string, ...any)) {
	if r.smoke {
		p("# Benchmark smoke run (%d packages, not recorded)", len(r.fractions[0].packages))
	} else {
		p("# Benchmark results")
	}
	p("")
	p("Produced by `cd bench && go run .%s` on %s, %d cores, %s.", prefixed(" ", r.args), r.start.Format("2006-01-02"), runtime.NumCPU(), r.goVersion)
	p("Load average before and after the run: %s / %s. The machine is shared:", r.loadBefore, r.loadAfter)
	p("other processes ran throughout, so the tools are timed in alternation")
	p("(each repetition runs every tool once, starting one tool later each time)")
	p("and the minimum is the better estimate of a tool's own cost; the median")
	p("shows the noise.")
	p("")
	p("- kalint: analyzers %s; golang.org/x/tools %s", strings.Join(r.analyzers, ", "), toolsVersion(r.bins.kalint))
	p("- floor: %s; golang.org/x/tools %s", r.bins.floorDoc, toolsVersion(r.bins.floor))
	if r.bins.factsFloor != "" {
		p("- floor with facts: the floor built with `-tags facts`: %s", r.bins.factsFloorDoc)
	}
	if r.bins.bodyclose != "" {
		p("- bodyclose: `%s`; golang.org/x/tools %s", bodyclose, toolsVersion(r.bins.bodyclose))
	}
	p("- every driver runs with `%s` on the packages of `packages.txt`; wall", strings.Join(driverFlags, " "))
	p("  time, CPU time (user + system) and peak RSS are the driver's and the `go list`")
	p("  it waits for (wait4); CPU time suffers less from the other load than wall time")
	p("")
}

// timings writes the section of one fraction: every tool's times and
// kalint's ratios to the floor and to bodyclose.
func (f *fraction) timings(p func(string, ...any)) {
	p("## %s of the corpus: %d packages (%d lines), %d in their import closure", share(f.share), len(f.packages), f.lines, f.closure)
	p("")
	p("| tool | wall min | wall median | CPU min | peak RSS (median) |")
	p("| --- | ---: | ---: | ---: | ---: |")
	for _, s := range f.series {
		p("| %s | %s | %s | %s | %s |", s.tool, secs(s.minWall()), secs(s.medianWall()), secs(s.minCPU()), mb(s.medianRSS()))
	}
	p("")
	kalint := f.find("kalint")
	for _, other := range []string{"floor", "bodyclose"} {
		if o := f.find(other); o != nil {
			p("- kalint / %s: wall time %s (min), %s (median); CPU time %s (min); peak RSS %s", other,
				ratio(float64(kalint.minWall()), float64(o.minWall())),
				ratio(float64(kalint.medianWall()), float64(o.medianWall())),
				ratio(float64(kalint.minCPU()), float64(o.minCPU())),
				ratio(float64(kalint.medianRSS()), float64(o.medianRSS())))
			p("- kalint / %s, paired by repetition (median of the ratios within each repetition): wall time %s, CPU time %s, peak RSS %s", other,
				ratio(kalint.paired(o, wallOf), 1), ratio(kalint.paired(o, cpuOf), 1), ratio(kalint.paired(o, rssOf), 1))
		}
	}
	p("- %d repetition(s) of each tool", len(kalint.samples))
	p("")
}

// growth writes how each tool's cost grows from fraction to fraction.
func (r *report) growth(p func(string, ...any)) {
	p("## Growth with the number of packages (min wall time, min CPU time, median peak RSS)")
	p("")
	var tools []string
	for _, t := range []string{"kalint", "floor", "bodyclose"} {
		if r.fractions[0].find(t) != nil {
			tools = append(tools, t)
		}
	}
	p("| share | packages | lines | closure | %s |", strings.Join(tools, " | "))
	p("| --- | ---: | ---: | ---: |%s", strings.Repeat(" ---: |", len(tools)))
	for _, f := range r.fractions {
		row := fmt.Sprintf("| %s | %d | %d | %d |", share(f.share), len(f.packages), f.lines, f.closure)
		for _, t := range tools {
			s := f.find(t)
			row += fmt.Sprintf(" %s, %s, %s |", secs(s.minWall()), secs(s.minCPU()), mb(s.medianRSS()))
		}
		p("%s", row)
	}
	p("")
}

// vetTimes writes the go vet runs, cold and warm.
func (r *report) vetTimes(p func(string, ...any)) {
	p("## `go vet -vettool` on `%s`", r.vetPackage)
	p("")
	p("Cold: a fresh `GOCACHE`, so the run compiles the package's dependencies,")
	p("the standard library included; warm: the same command again. Peak RSS is")
	p("the largest process go vet waited for.")
	p("")
	p("| vet tool | cold | warm |")
	p("| --- | ---: | ---: |")
	for _, v := range r.vet {
		p("| %s | %s, %s | %s, %s |", v.tool, secs(v.cold.wall), mb(v.cold.rssKB), secs(v.warm.wall), mb(v.warm.rssKB))
	}
	p("")
}

// stdRun writes the run on the standard library and its errors.
func (r *report) stdRun(p func(string, ...any)) {
	p("## kalint on `std` (tests included)")
	p("")
	p("%s, %s, %d analysis errors.", secs(r.std.wall), mb(r.std.rssKB), len(r.stdErrors))
	for _, e := range r.stdErrors {
		p("- `%s`", e)
	}
	p("")
}

// findingsAndErrors writes the number of findings of each analyzer and the
// analysis errors on the corpus, which end the report.
func (r *report) findingsAndErrors(p func(string, ...any)) {
	p("## Findings")
	p("")
	p("| analyzer | findings | file |")
	p("| --- | ---: | --- |")
	for _, a := range slices.Sorted(maps.Keys(r.findingsCounts)) {
		p("| %s | %d | [findings/%s.txt](findings/%s.txt) |", a, r.findingsCounts[a], a, a)
	}
	p("")
	p("Verdicts: [PRECISION.md](PRECISION.md).")
	p("")
	p("## Analysis errors on the corpus")
	p("")
	if len(r.errors) == 0 {
		p("None.")
	}
	for _, e := range r.errors {
		p("- `%s`", e)
	}
}

func (f *fraction) find(tool string) *series {
	for i := range f.series {
		if f.series[i].tool == tool {
			return &f.series[i]
		}
	}
	return nil
}

func share(f float64) string {
	switch f {
	case 1:
		return "All"
	case 0.5:
		return "1/2"
	case 0.25:
		return "1/4"
	}
	return fmt.Sprintf("%.2f", f)
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mb(kb int64) string { return fmt.Sprintf("%d MB", kb/1024) }

func ratio(a, b float64) string { return fmt.Sprintf("%.2fx", a/b) }

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// targets checks the whole-corpus numbers against the targets:
// the suite at most 0.7x bodyclose and 1.2x its floor, in time and memory.
func (r *report) targets(p func(string, ...any)) {
	all := r.fractions[len(r.fractions)-1]
	kalint := all.find("kalint")
	p("## Targets")
	p("")
	p("| target | measured | met |")
	p("| --- | ---: | --- |")
	for _, t := range []struct {
		other string
		limit float64
	}{{"bodyclose", 0.7}, {"floor", 1.2}} {
		o := all.find(t.other)
		if o == nil {
			continue
		}
		wall := float64(kalint.minWall()) / float64(o.minWall())
		cpu := float64(kalint.minCPU()) / float64(o.minCPU())
		rss := float64(kalint.medianRSS()) / float64(o.medianRSS())
		p("| kalint / %s wall time (min) <= %.1fx | %.2fx | %s |", t.other, t.limit, wall, yes(wall <= t.limit))
		p("| kalint / %s CPU time (min) <= %.1fx | %.2fx | %s |", t.other, t.limit, cpu, yes(cpu <= t.limit))
		p("| kalint / %s peak RSS <= %.1fx | %.2fx | %s |", t.other, t.limit, rss, yes(rss <= t.limit))
		for _, m := range []struct {
			what string
			of   func(sample) float64
		}{{"wall time", wallOf}, {"CPU time", cpuOf}, {"peak RSS", rssOf}} {
			r := kalint.paired(o, m.of)
			p("| kalint / %s %s (paired median) <= %.1fx | %.2fx | %s |", t.other, m.what, t.limit, r, yes(r <= t.limit))
		}
	}
	scope := "corpus"
	if r.std != nil {
		scope += ", std"
	}
	errs := len(r.errors) + len(r.stdErrors)
	p("| no analysis error or panic (%s) | %d | %s |", scope, errs, yes(errs == 0))
	p("")
}

// factsBound checks whether a design with cross-package facts can fit the
// precision issue's bound, at most 0.5x bodyclose in wall time and peak
// memory: its loading floor alone, before any analysis, must.
func (r *report) factsBound(p func(string, ...any)) {
	all := r.fractions[len(r.fractions)-1]
	facts, peer, floor := all.find("floor with facts"), all.find("bodyclose"), all.find("floor")
	if facts == nil || peer == nil {
		return
	}
	p("## A design with facts from every dependency: its loading floor against the bound")
	p("")
	p("Declaring a fact type makes a multichecker load and analyse every dependency from")
	p("source. The floor with facts does only that; a design whose facts come from every")
	p("dependency costs at least as much. (kalint's own facts pass only between the packages")
	p("it analyses, on the floor above: see docs/design.md.)")
	p("")
	p("| measure | floor with facts / floor | floor with facts / bodyclose (paired median) | within 0.5x bodyclose |")
	p("| --- | ---: | ---: | --- |")
	for _, m := range []struct {
		what string
		of   func(sample) float64
	}{{"wall time", wallOf}, {"CPU time", cpuOf}, {"peak RSS", rssOf}} {
		toPeer := facts.paired(peer, m.of)
		p("| %s | %s | %.2fx | %s |", m.what, ratio(facts.paired(floor, m.of), 1), toPeer, yes(toPeer <= 0.5))
	}
	p("")
}

func wallOf(x sample) float64 { return float64(x.wall) }
func cpuOf(x sample) float64  { return float64(x.cpu) }
func rssOf(x sample) float64  { return float64(x.rssKB) }

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}
