package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every driver runs on the fixture module and is compared with one list,
// testdata/fixture/expected.txt.

// A finding is one diagnostic, its file relative to the fixture module.
type finding struct {
	file     string
	line     int
	analyzer string
	message  string
}

// String is the form of expected.txt and of the text drivers.
func (f finding) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", f.file, f.line, f.analyzer, f.message)
}

func fixtureDir(t *testing.T) string {
	return filepath.Join(repoRoot(t), "testdata", "fixture")
}

var expectedRE = regexp.MustCompile(`^(\S+\.go):(\d+): (\w+): (.+)$`)

// expected reads the findings of testdata/fixture/expected.txt.
func expected(t *testing.T) []finding {
	t.Helper()
	list, _ := readExpected(t)
	return list
}

// readExpected reads testdata/fixture/expected.txt: the findings every
// driver reports, and those silenced by a directive or //nolint.
func readExpected(t *testing.T) (list, silenced []finding) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir(t), "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rest, isSilenced := strings.CutPrefix(line, "- ")
		m := expectedRE.FindStringSubmatch(rest)
		if m == nil {
			t.Fatalf("expected.txt:%d: want path.go:LINE: analyzer: message, got %q", n, line)
		}
		num, _ := strconv.Atoi(m[2])
		f := finding{m[1], num, m[3], m[4]}
		if isSilenced {
			silenced = append(silenced, f)
		} else {
			list = append(list, f)
		}
	}
	return list, silenced
}

// lines formats findings, sorted.
func lines(list []finding) []string {
	var out []string
	for _, f := range list {
		out = append(out, f.String())
	}
	slices.Sort(out)
	return out
}

func compare(t *testing.T, driver string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s findings:\n\t%s\nwant:\n\t%s",
			driver, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// position splits file:line:col, making file relative to dir.
func position(t *testing.T, dir, posn string) (string, int) {
	t.Helper()
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		t.Fatalf("bad position %q", posn)
	}
	file := strings.Join(parts[:len(parts)-2], ":")
	if rel, err := filepath.Rel(dir, file); err == nil && filepath.IsAbs(file) {
		file = rel
	}
	line, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		t.Fatalf("bad position %q", posn)
	}
	return filepath.ToSlash(file), line
}

// kalintJSON runs kalint -json in dir and returns all findings and those
// with a suggested fix.
func kalintJSON(t *testing.T, dir string) (all, fixable []finding) {
	t.Helper()
	cmd := exec.Command(kalint(t), "-json", "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("kalint -json: %v\n%s", err, out)
	}
	// {"pkg": {"analyzer": [{"posn": ..., "message": ..., "suggested_fixes": [...]}]}}
	var tree map[string]map[string][]struct {
		Posn, Message  string
		SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
	}
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("kalint -json: bad JSON: %v\n%s", err, out)
	}
	for _, byAnalyzer := range tree {
		for name, diags := range byAnalyzer {
			for _, d := range diags {
				file, line := position(t, dir, d.Posn)
				f := finding{file, line, name, d.Message}
				all = append(all, f)
				if len(d.SuggestedFixes) > 0 {
					fixable = append(fixable, f)
				}
			}
		}
	}
	return all, fixable
}

func TestFixtureStandalone(t *testing.T) {
	t.Parallel()
	dir := fixtureDir(t)
	out, code := run(t, dir, kalint(t), "./...")
	if want := expected(t); code != 3 && len(want) > 0 {
		t.Errorf("exit code %d, want 3 (findings)\n%s", code, out)
	}
	compare(t, "kalint", findings(dir, out), lines(expected(t)))
}

func TestFixtureGoVet(t *testing.T) {
	t.Parallel()
	dir := fixtureDir(t)
	out, code := run(t, dir, "go", "vet", "-vettool="+kalint(t), "./...")
	if code == 0 {
		t.Errorf("go vet succeeded despite findings\n%s", out)
	}
	compare(t, "go vet -vettool", findings(dir, out), lines(expected(t)))
}

// The silenced findings of expected.txt are real: with every directive
// and //nolint comment removed from a copy of the fixture, kalint reports
// them (and the drivers' tests show that none reports them with the
// comments in place).
func TestFixtureSuppressed(t *testing.T) {
	t.Parallel()
	_, silenced := readExpected(t)
	if len(silenced) == 0 {
		t.Fatal("expected.txt lists no silenced finding: suppression is untested end to end")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixtureDir(t))); err != nil {
		t.Fatal(err)
	}
	directive := regexp.MustCompile(`//(kalint:|nolint).*`)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err == nil {
			err = os.WriteFile(path, directive.ReplaceAll(data, nil), 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	all, _ := kalintJSON(t, dir)
	got := lines(all)
	for _, f := range silenced {
		if !slices.Contains(got, f.String()) {
			t.Errorf("without the comments, kalint does not report %s; it reports:\n\t%s", f, strings.Join(got, "\n\t"))
		}
	}
}

func TestFixtureJSON(t *testing.T) {
	t.Parallel()
	all, _ := kalintJSON(t, fixtureDir(t))
	compare(t, "kalint -json", lines(all), lines(expected(t)))
}

// Suggested fixes, on a copy of the fixture: -diff shows them without
// writing; -fix writes code that builds, is gofmt-clean, and leaves exactly
// the findings that had no fix.
func TestFixtureFix(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixtureDir(t))); err != nil {
		t.Fatal(err)
	}
	all, fixable := kalintJSON(t, dir)
	if len(fixable) == 0 {
		t.Fatal("no finding on the fixture has a suggested fix")
	}

	out, _ := run(t, dir, kalint(t), "-fix", "-diff", "./...")
	for _, f := range fixable {
		if !strings.Contains(out, "+++ "+filepath.Join(dir, f.file)) {
			t.Errorf("-fix -diff shows no change to %s (fix for %s)\n%s", f.file, f, out)
		}
	}
	if again, _ := kalintJSON(t, dir); !slices.Equal(lines(again), lines(all)) {
		t.Fatalf("-fix -diff changed the files")
	}

	out, code := run(t, dir, kalint(t), "-fix", "./...")
	if code != 3 {
		t.Errorf("kalint -fix: exit %d, want 3 (findings without a fix remain)\n%s", code, out)
	}
	if n := strings.Count(out, "kalint: fixed "+dir); n != len(fixable) {
		t.Errorf("kalint -fix: says it fixed %d findings, want %d\n%s", n, len(fixable), out)
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("fixed fixture does not build:\n%s", out)
	}
	if out, _ := run(t, dir, "gofmt", "-l", "."); out != "" {
		t.Errorf("fixed files are not gofmt-clean:\n%s", out)
	}
	left, _ := kalintJSON(t, dir)
	compare(t, "kalint -fix output", findings(dir, out), lines(left))
	want := slices.DeleteFunc(all, func(f finding) bool { return slices.Contains(fixable, f) })
	// Fixes insert lines: positions move.
	for _, list := range [][]finding{left, want} {
		for i := range list {
			list[i].line = 0
		}
	}
	compare(t, "kalint after -fix", lines(left), lines(want))
}
