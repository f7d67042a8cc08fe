package analyzers_test

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A realCase is one real fix rebuilt in testdata/realworld: the code before
// the fix (bad) and after it (good), with what the suite did on each when
// cases.tsv was last updated.
type realCase struct {
	analyzer, name, fix string
	found, reported     bool // recorded: bad has a finding, good has one
	// twin: the verdict on the good twin's report, read in the code
	// (true: the fix left a real instance of the mistake; debatable;
	// false); "" when quiet.
	twin string
}

func (c realCase) pkg(variant string) string {
	return path.Join("example.com/realworld", c.analyzer, c.name, variant)
}

// variantOf splits the path of a package of testdata/realworld into its
// case variant's path (example.com/realworld/<analyzer>/<case>/<variant>)
// and the subpackage below it ("" for the variant's own package).
func variantOf(pkgPath string) (variant, sub string) {
	parts := strings.SplitN(pkgPath, "/", 6)
	if len(parts) < 5 {
		return pkgPath, ""
	}
	variant = strings.Join(parts[:5], "/")
	if len(parts) == 6 {
		sub = parts[5]
	}
	return variant, sub
}

// TestRealWorld scores the analyzers on the real fixes of
// testdata/realworld: recall (bad cases with a finding of their analyzer)
// and precision (of the cases reported, those that are bad). It fails when
// a case's outcome differs from cases.tsv, so that every change in the
// scores is seen and recorded; `go test -run TestRealWorld -v ./analyzers`
// prints the scores and every finding for judgement.
func TestRealWorld(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source: not in -short")
	}
	t.Parallel()
	dir := filepath.Join("..", "testdata", "realworld")
	cases := readCases(t, filepath.Join(dir, "cases.tsv"))
	checkCaseDirs(t, dir, cases)

	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata/realworld does not build")
	}
	graph, err := checker.Analyze(analyzers.All(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	// findings[variant][analyzer]: the messages reported in a case's bad
	// or good package and in its subpackages (a case keeps the real
	// code's package boundaries: restic's REST backend is bad/rest).
	findings := make(map[string]map[string][]string)
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		variant, sub := variantOf(act.Package.PkgPath)
		for _, d := range act.Diagnostics {
			m := findings[variant]
			if m == nil {
				m = make(map[string][]string)
				findings[variant] = m
			}
			posn := act.Package.Fset.Position(d.Pos)
			file := path.Join(sub, filepath.Base(posn.Filename))
			m[act.Analyzer.Name] = append(m[act.Analyzer.Name], fmt.Sprintf("%s:%d: %s", file, posn.Line, d.Message))
		}
	}
	scoreCases(t, cases, findings)
}

// scoreCases compares each case with its record, then logs the scores
// per analyzer and the other analyzers' findings (for judgement).
func scoreCases(t *testing.T, cases []realCase, findings map[string]map[string][]string) {
	type score struct{ cases, found, reported, trueTwins, falseTwins int }
	scores := make(map[string]*score)
	for _, c := range cases {
		s := scores[c.analyzer]
		if s == nil {
			s = new(score)
			scores[c.analyzer] = s
		}
		s.cases++
		bad, good := findings[c.pkg("bad")], findings[c.pkg("good")]
		found, reported := len(bad[c.analyzer]) > 0, len(good[c.analyzer]) > 0
		if found {
			s.found++
		}
		if reported {
			s.reported++
			switch c.twin {
			case "true":
				s.trueTwins++
			case "false":
				s.falseTwins++
			}
		}
		if found != c.found {
			t.Errorf("%s/%s (%s): bad now %s, cases.tsv says %s %v", c.analyzer, c.name, c.fix, outcome(found, "found", "missed"), outcome(c.found, "found", "missed"), bad[c.analyzer])
		}
		if reported != c.reported {
			t.Errorf("%s/%s (%s): good now %s, cases.tsv says %s %v", c.analyzer, c.name, c.fix, outcome(reported, "reported", "quiet"), outcome(c.reported, "reported", "quiet"), good[c.analyzer])
		}
		for _, variant := range []string{"bad", "good"} {
			for a, msgs := range findings[c.pkg(variant)] {
				if a != c.analyzer {
					t.Logf("other finding in %s/%s/%s: %s: %s", c.analyzer, c.name, variant, a, strings.Join(msgs, "; "))
				}
			}
		}
	}
	var all score
	for _, a := range slices.Sorted(maps.Keys(scores)) {
		s := scores[a]
		all.cases += s.cases
		all.found += s.found
		all.reported += s.reported
		all.trueTwins += s.trueTwins
		all.falseTwins += s.falseTwins
		t.Logf("%-15s %s", a, scoreLine(s.cases, s.found, s.reported, s.trueTwins, s.falseTwins))
	}
	t.Logf("%-15s %s", "all", scoreLine(all.cases, all.found, all.reported, all.trueTwins, all.falseTwins))
}

func scoreLine(cases, found, reported, trueTwins, falseTwins int) string {
	precision, verdicts := "n/a", "n/a"
	if found+reported > 0 {
		precision = fmt.Sprintf("%.2f", float64(found)/float64(found+reported))
	}
	if found+trueTwins+falseTwins > 0 {
		verdicts = fmt.Sprintf("%.2f", float64(found+trueTwins)/float64(found+trueTwins+falseTwins))
	}
	return fmt.Sprintf("recall %d/%d = %.2f, precision %s (%d good twins reported), by verdict %s (%d of them true, %d false)",
		found, cases, float64(found)/float64(cases), precision, reported, verdicts, trueTwins, falseTwins)
}

func outcome(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// readCases reads cases.tsv.
func readCases(t *testing.T, file string) []realCase {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []realCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "analyzer\t") {
			continue
		}
		cols := strings.Split(text, "\t")
		ok := len(cols) >= 5 && slices.Contains([]string{"found", "missed"}, cols[3])
		switch {
		case ok && cols[4] == "quiet":
			ok = len(cols) == 5
		case ok && cols[4] == "reported":
			ok = len(cols) == 6 && slices.Contains([]string{"true", "debatable", "false"}, cols[5])
		default:
			ok = false
		}
		if !ok {
			t.Fatalf("%s:%d: want analyzer, case, fix, found|missed, quiet|reported and, after reported, the report's verdict (true|debatable|false), separated by tabs: %q", file, line, text)
		}
		c := realCase{analyzer: cols[0], name: cols[1], fix: cols[2], found: cols[3] == "found", reported: cols[4] == "reported"}
		if c.reported {
			c.twin = cols[5]
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// checkCaseDirs checks that cases.tsv lists every case directory once, and
// that each has a bad and a good package.
func checkCaseDirs(t *testing.T, dir string, cases []realCase) {
	listed := make(map[string]bool)
	for _, c := range cases {
		key := c.analyzer + "/" + c.name
		if listed[key] {
			t.Errorf("cases.tsv lists %s twice", key)
		}
		listed[key] = true
		for _, variant := range []string{"bad", "good"} {
			if _, err := os.Stat(filepath.Join(dir, c.analyzer, c.name, variant)); err != nil {
				t.Errorf("case %s: %v", key, err)
			}
		}
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*", "*", "bad"))
	for _, n := range names {
		rel, _ := filepath.Rel(dir, filepath.Dir(n))
		if rel = filepath.ToSlash(rel); !listed[rel] && !strings.HasPrefix(rel, "third_party/") {
			t.Errorf("case %s is not in cases.tsv", rel)
		}
	}
}
