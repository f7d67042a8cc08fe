package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// driverFlags are passed to every analysis driver: JSON output (exit status
// 0 with findings, so a failure is a real failure) and no test files, whose
// imports a dependency module's go.mod need not provide.
var driverFlags = []string{"-json", "-test=false"}

// A fraction is one timed subset of the corpus.
type fraction struct {
	share    float64
	packages []string
	lines    int // lines of the packages' non-test Go files
	closure  int // packages in the import closure, the corpus ones included
	series   []series
}

// A vetRun is `go vet -vettool` on one package, with a fresh and then a
// warm build cache.
type vetRun struct {
	tool       string
	cold, warm sample
}

type report struct {
	args           string
	start          time.Time
	loadBefore     string
	loadAfter      string
	goVersion      string
	bins           binaries
	analyzers      []string
	smoke          bool
	fractions      []fraction
	vetPackage     string
	vet            []vetRun
	std            *sample
	stdErrors      []string
	errors         []string
	findingsCounts map[string]int
}

func run(cfg config, args string) error {
	pkgs, err := corpusPackages(cfg.smoke)
	if err != nil {
		return err
	}
	rep := &report{args: args, start: time.Now(), loadBefore: loadAverage(), smoke: cfg.smoke, vetPackage: cfg.vetPackage}
	if rep.goVersion, err = output(".", "go", "env", "GOVERSION"); err != nil {
		return err
	}
	rep.goVersion = strings.TrimSpace(rep.goVersion)

	tmp, err := os.MkdirTemp("", "kalint-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	progress("building kalint and the floor; installing bodyclose unless skipped")
	if rep.bins, err = build("..", tmp, cfg.skipBodyclose); err != nil {
		return err
	}
	if rep.analyzers, err = analyzerNames(rep.bins.kalint); err != nil {
		return err
	}
	all, peer, full, partial := rep.tools()

	found, err := rep.warmUp(pkgs, all, peer)
	if err != nil {
		return err
	}
	if err := rep.timeFractions(pkgs, cfg, full, partial); err != nil {
		return err
	}
	if cfg.vetPackage != "" {
		if err := rep.vetTools(tmp, all, peer); err != nil {
			return err
		}
	}
	if !cfg.smoke {
		progress("kalint std")
		if err := checkStd(rep); err != nil {
			return err
		}
	}
	rep.loadAfter = loadAverage()
	slices.Sort(rep.errors)
	rep.errors = slices.Compact(rep.errors)

	if err := rep.write(found, cfg.record); err != nil {
		return err
	}
	if len(rep.errors) > 0 || len(rep.stdErrors) > 0 {
		return fmt.Errorf("%d analysis errors (see the report)", len(rep.errors)+len(rep.stdErrors))
	}
	return nil
}

// corpusPackages returns the packages of packages.txt, checked against
// corpus.go, or the smoke set of them.
func corpusPackages(smoke bool) ([]string, error) {
	if _, err := os.Stat("packages.txt"); err != nil {
		return nil, errors.New("run from the bench directory (packages.txt not found)")
	}
	pkgs, err := readPackages("packages.txt")
	if err != nil {
		return nil, err
	}
	if err := checkCorpusFile("corpus.go", pkgs); err != nil {
		return nil, err
	}
	if smoke {
		pkgs = smokeSet(pkgs)
	}
	return pkgs, nil
}

// tools returns the tools to time: kalint (all), bodyclose (peer, with no
// path when skipped), the tools timed on the whole corpus (full: also each
// analyzer alone, the floor and the floor with facts) and those timed on
// the other fractions.
func (r *report) tools() (all, peer tool, full, partial []tool) {
	all = tool{name: "kalint", path: r.bins.kalint}
	floor := tool{name: "floor", path: r.bins.floor}
	full = []tool{all}
	for _, a := range r.analyzers {
		full = append(full, tool{name: a + " alone", path: r.bins.kalint, flags: []string{"-" + a}})
	}
	full = append(full, floor)
	if r.bins.factsFloor != "" {
		full = append(full, tool{name: "floor with facts", path: r.bins.factsFloor})
	}
	partial = []tool{all, floor}
	if r.bins.bodyclose != "" {
		peer = tool{name: "bodyclose", path: r.bins.bodyclose}
		full, partial = append(full, peer), append(partial, peer)
	}
	return all, peer, full, partial
}

// warmUp runs kalint and bodyclose once, untimed: it fills the build cache
// with the corpus's export data and gives the findings, by analyzer.
func (r *report) warmUp(pkgs []string, all, peer tool) (map[string][]finding, error) {
	progress("warm-up and findings on %d packages", len(pkgs))
	found := map[string][]finding{}
	for _, t := range []tool{all, peer} {
		if t.path == "" {
			continue
		}
		_, out, err := measure(".", nil, t.path, append(append(slices.Clip(t.flags), driverFlags...), pkgs...)...)
		if err != nil {
			return nil, err
		}
		res, err := parseJSON(out)
		if err != nil {
			return nil, err
		}
		r.errors = append(r.errors, res.errors...)
		for a, fs := range res.findings {
			found[a] = append(found[a], fs...)
		}
	}
	for _, a := range append(slices.Clone(r.analyzers), peer.name) {
		if _, ok := found[a]; !ok && a != "" {
			found[a] = nil // every analyzer gets a file, findings or not
		}
	}
	return found, nil
}

// timeFractions times the tools on each fraction of the corpus: full on
// the whole of it, partial on the others.
func (r *report) timeFractions(pkgs []string, cfg config, full, partial []tool) error {
	for _, share := range cfg.fractions {
		f := fraction{share: share, packages: spread(pkgs, share)}
		var err error
		if f.lines, f.closure, err = size(f.packages); err != nil {
			return err
		}
		tools := partial
		if share == 1 {
			tools = full
		}
		if err := timeTools(&f, tools, cfg.reps, &r.errors); err != nil {
			return err
		}
		r.fractions = append(r.fractions, f)
	}
	return nil
}

// vetTools times go vet with kalint and bodyclose as the vet tool.
func (r *report) vetTools(tmp string, all, peer tool) error {
	for _, t := range []tool{all, peer} {
		if t.path == "" {
			continue
		}
		progress("go vet -vettool=%s %s, cold and warm", t.name, r.vetPackage)
		v, err := vet(t, r.vetPackage, tmp)
		if err != nil {
			return err
		}
		r.vet = append(r.vet, v)
	}
	return nil
}

// write prints the report and, when record is set, writes it to
// RESULTS.md and the findings, with module-relative file names, to findings/.
func (r *report) write(found map[string][]finding, record bool) error {
	rel, err := newRelativizer()
	if err != nil {
		return err
	}
	lines := map[string][]string{}
	r.findingsCounts = map[string]int{}
	for a, fs := range found {
		lines[a] = rel.lines(fs)
		r.findingsCounts[a] = len(lines[a])
	}
	text := r.markdown()
	fmt.Print(text)
	if record {
		if err := writeFindings("findings", lines); err != nil {
			return err
		}
		if err := os.WriteFile("RESULTS.md", []byte(text), 0o644); err != nil {
			return err
		}
		progress("wrote RESULTS.md and findings/")
	}
	return nil
}

// timeTools runs every tool reps times on f's packages, alternating: each
// repetition runs all tools once, starting one tool later than the last, so
// that a burst of load from elsewhere does not land on one tool only.
func timeTools(f *fraction, tools []tool, reps int, errs *[]string) error {
	f.series = make([]series, len(tools))
	for i, t := range tools {
		f.series[i].tool = t.name
	}
	for r := range reps {
		for k := range tools {
			i := (r + k) % len(tools)
			t := tools[i]
			progress("%.2f of the corpus (%d packages), repetition %d/%d: %s", f.share, len(f.packages), r+1, reps, t.name)
			s, out, err := measure(".", nil, t.path, append(append(slices.Clip(t.flags), driverFlags...), f.packages...)...)
			if err != nil {
				return err
			}
			res, err := parseJSON(out)
			if err != nil {
				return err
			}
			*errs = append(*errs, res.errors...)
			f.series[i].samples = append(f.series[i].samples, s)
		}
	}
	return nil
}

// vet times `go vet -vettool` on pkg with a build cache made for it (cold),
// then again with that cache (warm).
func vet(t tool, pkg, tmp string) (vetRun, error) {
	cache, err := os.MkdirTemp(tmp, "gocache-")
	if err != nil {
		return vetRun{}, err
	}
	env := []string{"GOCACHE=" + cache}
	v := vetRun{tool: t.name}
	args := []string{"vet", "-vettool=" + t.path, "-json", pkg}
	if v.cold, _, err = measure(".", env, "go", args...); err != nil {
		return v, err
	}
	v.warm, _, err = measure(".", env, "go", args...)
	return v, err
}

// checkStd runs kalint once on the standard library, tests included.
func checkStd(rep *report) error {
	goroot, err := output(".", "go", "env", "GOROOT")
	if err != nil {
		return err
	}
	s, out, err := measure(filepath.Join(strings.TrimSpace(goroot), "src"), nil, rep.bins.kalint, "-json", "std")
	if err != nil {
		return err
	}
	res, err := parseJSON(out)
	if err != nil {
		return err
	}
	rep.std, rep.stdErrors = &s, res.errors
	return nil
}

// readPackages reads packages.txt: one import path a line, # comments.
func readPackages(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pkgs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if line = strings.TrimSpace(line); line != "" {
			pkgs = append(pkgs, line)
		}
	}
	if len(pkgs) == 0 && sc.Err() == nil {
		return nil, fmt.Errorf("%s lists no packages", name)
	}
	return pkgs, sc.Err()
}

// checkCorpusFile checks that corpus.go blank-imports exactly the
// non-standard packages of the list, so that go.mod pins what is analysed.
func checkCorpusFile(name string, pkgs []string) error {
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
	if err != nil {
		return err
	}
	var imported []string
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return err
		}
		imported = append(imported, path)
	}
	var listed []string
	for _, p := range pkgs {
		if !isStd(p) {
			listed = append(listed, p)
		}
	}
	slices.Sort(imported)
	slices.Sort(listed)
	if !slices.Equal(imported, listed) {
		return fmt.Errorf("%s imports %v but packages.txt lists %v (non-standard); make them agree, then go mod tidy", name, imported, listed)
	}
	return nil
}

// isStd reports whether an import path is in the standard library: its
// first element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func smokeSet(pkgs []string) []string {
	var set []string
	for _, p := range pkgs {
		if !isStd(p) && len(set) < smokePackages {
			set = append(set, p)
		}
	}
	return set
}

// spread picks share of pkgs, evenly spaced through the list (so a half
// contains the quarter and no fraction is one module only).
func spread(pkgs []string, share float64) []string {
	n := len(pkgs)
	m := max(1, int(math.Round(share*float64(n))))
	picked := make([]string, m)
	for j := range m {
		picked[j] = pkgs[j*n/m]
	}
	return picked
}

// size counts the lines of pkgs' non-test Go files and the packages in
// their import closure: the packages of a fraction differ a lot in size.
func size(pkgs []string) (lines, closure int, err error) {
	out, err := output(".", "go", append([]string{"list", "-f", "{{.Dir}}{{range .GoFiles}} {{.}}{{end}}"}, pkgs...)...)
	if err != nil {
		return 0, 0, err
	}
	for line := range strings.Lines(out) {
		fields := strings.Fields(line)
		for _, name := range fields[1:] {
			b, err := os.ReadFile(filepath.Join(fields[0], name))
			if err != nil {
				return 0, 0, err
			}
			lines += bytes.Count(b, []byte("\n"))
		}
	}
	deps, err := output(".", "go", append([]string{"list", "-deps"}, pkgs...)...)
	return lines, strings.Count(deps, "\n"), err
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
