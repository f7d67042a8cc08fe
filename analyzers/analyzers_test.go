package analyzers_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers"
	"github.com/kalint/kalint/analyzers/internal/option"
	"github.com/kalint/kalint/analyzers/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSuite checks the rules every analyzer of the suite follows (see
// STYLE.md): names, docs, URLs, flags, tests and the README's table.
func TestSuite(t *testing.T) {
	t.Parallel()
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^[a-z][a-z0-9]*$`) // a Go package name: h2health has a digit
	seen := map[string]bool{}
	for _, a := range all {
		if !name.MatchString(a.Name) || seen[a.Name] {
			t.Errorf("analyzer name %q: want one unique lowercase word (letters and digits)", a.Name)
		}
		seen[a.Name] = true
		// Doc comes from doc.go's "name: summary" line, name stripped.
		summary, _, _ := strings.Cut(a.Doc, "\n")
		if summary == "" || len(summary) >= 60 || strings.ToLower(summary[:1]) != summary[:1] {
			t.Errorf("%s: Doc summary %q: want lowercase, under 60 characters", a.Name, summary)
		}
		if want := "https://pkg.go.dev/github.com/kalint/kalint/analyzers/" + a.Name; a.URL != want {
			t.Errorf("%s: URL %q, want %q", a.Name, a.URL, want)
		}
		a.Flags.VisitAll(func(f *flag.Flag) {
			if strings.TrimSpace(f.Usage) == "" {
				t.Errorf("%s: flag -%s has no usage", a.Name, f.Name)
			}
			row := "`-" + a.Name + "." + f.Name
			if f.Name == report.NolintFlag || f.Name == option.TestsFlag {
				row = "`-<analyzer>." + f.Name // every analyzer's that has it: one row
			}
			if !strings.Contains(string(readme), row) {
				t.Errorf("%s: flag -%s.%s is not in the README's flag table", a.Name, a.Name, f.Name)
			}
		})
		if !strings.Contains(string(readme), "| ["+a.Name+"](analyzers/"+a.Name+"/doc.go) |") {
			t.Errorf("%s: no row in the README's analyzer table", a.Name)
		}
		if _, err := os.Stat(filepath.Join(a.Name, "testdata", "src", "generics")); err != nil {
			t.Errorf("%s: no generics scenario: %v", a.Name, err)
		}
		if _, err := os.Stat(filepath.Join(a.Name, "doc.go")); err != nil {
			t.Errorf("%s: no doc.go: %v", a.Name, err)
		}
	}
}

// The README is a user's page (STYLE.md: at most 15 KB), and every relative
// link in the repository's Markdown resolves: to a file or directory of the
// repository and, with a #fragment into a Markdown file, to one of its
// headings.
func TestDocLinks(t *testing.T) {
	t.Parallel()
	if info, err := os.Stat("../README.md"); err != nil {
		t.Fatal(err)
	} else if info.Size() > 15<<10 {
		t.Errorf("README.md is %d bytes, want at most %d", info.Size(), 15<<10)
	}
	pages := []string{"../README.md", "../CONTRIBUTING.md", "../CHANGELOG.md"}
	for _, pattern := range []string{"../docs/*.md", "../bench/*.md"} {
		more, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, more...)
	}
	if len(pages) < 5 {
		t.Fatalf("found only %v", pages)
	}
	for _, page := range pages {
		text, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range links(string(text)) {
			if err := resolve(page, target); err != nil {
				t.Errorf("%s: link %s: %v", strings.TrimPrefix(page, "../"), target, err)
			}
		}
	}
}

var (
	fence     = regexp.MustCompile("(?ms)^```.*?^```")
	linkRE    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	headRE    = regexp.MustCompile(`(?m)^#+\s+(.+?)\s*$`)
	notSlugRE = regexp.MustCompile(`[^\p{L}\p{N} _-]`)
)

// links returns the relative link targets of a Markdown text, outside
// fenced code blocks.
func links(text string) []string {
	var out []string
	for _, m := range linkRE.FindAllStringSubmatch(fence.ReplaceAllString(text, ""), -1) {
		if target := m[1]; !strings.Contains(target, "://") && !strings.HasPrefix(target, "mailto:") {
			out = append(out, target)
		}
	}
	return out
}

// resolve checks that target, a link in page, names a file or directory of
// the repository and, if it has a fragment, a heading of that file.
func resolve(page, target string) error {
	file, fragment, _ := strings.Cut(target, "#")
	path := page
	if file != "" {
		path = filepath.Join(filepath.Dir(page), file)
	}
	if rel, err := filepath.Rel("..", path); err != nil || strings.HasPrefix(rel, "..") {
		return fmt.Errorf("outside the repository")
	}
	if _, err := os.Stat(path); err != nil {
		return err
	}
	if fragment == "" {
		return nil
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, m := range headRE.FindAllStringSubmatch(fence.ReplaceAllString(string(text), ""), -1) {
		if slug(m[1]) == fragment {
			return nil
		}
	}
	return fmt.Errorf("no heading #%s in %s", fragment, file)
}

// slug is the anchor GitHub gives a heading: lower case, punctuation other
// than hyphens and underscores dropped, spaces turned into hyphens.
func slug(heading string) string {
	s := notSlugRE.ReplaceAllString(strings.ToLower(heading), "")
	return strings.ReplaceAll(s, " ", "-")
}

// Each call of All makes new analyzers: a driver that sets a flag changes
// only its own instance.
func TestAllFresh(t *testing.T) {
	t.Parallel()
	a, b := analyzers.All(), analyzers.All()
	for i := range a {
		if a[i] == b[i] {
			t.Errorf("%s: All returns the same instance twice", a[i].Name)
		}
		a[i].Flags.VisitAll(func(f *flag.Flag) {
			if f.Value == b[i].Flags.Lookup(f.Name).Value {
				t.Errorf("%s: flag -%s shared between instances", a[i].Name, f.Name)
			}
		})
	}
	if err := a[0].Flags.Set("idle-timeout", "90s"); err != nil {
		t.Fatal(err)
	}
	if got := b[0].Flags.Lookup("idle-timeout").Value.String(); got != "2m0s" {
		t.Errorf("%s -idle-timeout = %s after setting another instance's, want 2m0s", b[0].Name, got)
	}
}

// report.Suite, which checks the names in directives, is the suite.
func TestSuiteNames(t *testing.T) {
	t.Parallel()
	var names []string
	for _, a := range analyzers.All() {
		names = append(names, a.Name)
	}
	if !slices.Equal(report.Suite(), names) {
		t.Errorf("report.Suite() = %v, want the names of analyzers.All(), in order: %v", report.Suite(), names)
	}
}

// Every analyzer honours the directives, in one run of the whole suite as
// a driver runs it: each reports its own stale directive, and a directive
// naming no analyzer of the suite is reported once.
func TestDirectives(t *testing.T) {
	t.Parallel()
	all := analyzers.All()
	results := analysistest.Run(t, analysistest.TestData(), suiteOf(all), "directives")
	stale := map[string]int{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if m := staleRE.FindStringSubmatch(d.Message); m != nil {
				stale[m[1]]++
			}
		}
	}
	for _, a := range all {
		if stale[a.Name] != 1 {
			t.Errorf("%s: %d stale directives reported, want 1 (testdata/src/directives has one for each analyzer)", a.Name, stale[a.Name])
		}
	}
}

var staleRE = regexp.MustCompile(`suppresses no (\w+) finding`)

// No analyzer fails on package-level values and pointers of every type the
// suite follows, used in every way it follows them, nor on functions and
// method values held in package variables: SSA keeps no referrers for
// globals, functions and constants, and an analyzer that ranges over them
// crashes. Each analyzer's error is reported on its own. What they report
// there is each analyzer's business, tested in its own scenarios: this
// test only logs it.
func TestGlobals(t *testing.T) {
	t.Parallel()
	var checks messages // the // want checks, which the scenario has none of
	results := analysistest.Run(&checks, analysistest.TestData(), suiteOf(analyzers.All()), "globals")
	if len(results) == 0 {
		t.Fatalf("testdata/src/globals does not load: %s", strings.Join(checks, "; "))
	}
	for _, r := range results {
		if r.Err != nil {
			t.Error(r.Err)
		}
		for _, d := range r.Diagnostics {
			t.Logf("%s: %s", r.Pass.Fset.Position(d.Pos), d.Message)
		}
	}
}

// messages records what analysistest reports instead of failing the test.
type messages []string

func (m *messages) Errorf(format string, args ...any) { *m = append(*m, fmt.Sprintf(format, args...)) }

// suiteOf returns an analyzer that runs every analyzer of all on one pass,
// as a driver runs the suite, with one load of the scenario and its
// dependencies; the error of each analyzer that fails is returned. It
// requires what they require, so each finds its prerequisites' results.
func suiteOf(all []*analysis.Analyzer) *analysis.Analyzer {
	var requires []*analysis.Analyzer
	for _, a := range all {
		for _, r := range a.Requires {
			if !slices.Contains(requires, r) {
				requires = append(requires, r)
			}
		}
	}
	return &analysis.Analyzer{
		Name:     "suite",
		Doc:      "runs every analyzer of the suite on one pass",
		Requires: requires,
		Run: func(pass *analysis.Pass) (any, error) {
			var errs []error
			for _, a := range all {
				if _, err := a.Run(pass); err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", a.Name, err))
				}
			}
			return nil, errors.Join(errs...)
		},
	}
}
