package main_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// writeModule writes files (path -> content) into a new module directory.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.22\n"
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// With tests included, a finding in a file that belongs to a package and
// to its test variant is listed once.
func TestFixtureJSONWithTests(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixtureDir(t))); err != nil {
		t.Fatal(err)
	}
	test := "package serveridle\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n"
	if err := os.WriteFile(filepath.Join(dir, "serveridle", "serveridle_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	all, _ := kalintJSON(t, dir)
	compare(t, "kalint -json with a test file", lines(all), lines(expected(t)))
}

var (
	versionRE = regexp.MustCompile(`^kalint version (\S+)(?: revision ([0-9a-f]+)(?: \(modified\))?)? go\S+( buildID=[0-9a-f]{64})?\n$`)
	modRE     = regexp.MustCompile(`(?m)^\tmod\tgithub.com/kalint/kalint\t(\S+)`)
	revRE     = regexp.MustCompile(`(?m)^\tbuild\tvcs.revision=(\S+)`)
)

// -V prints the module version and VCS revision from the build info;
// -V=full adds the build ID go vet's cache needs.
func TestVersion(t *testing.T) {
	t.Parallel()
	info, code := run(t, repoRoot(t), "go", "version", "-m", kalint(t))
	if code != 0 {
		t.Fatalf("go version -m: %s", info)
	}
	wantVersion, wantRev := "", ""
	if m := modRE.FindStringSubmatch(info); m != nil {
		wantVersion = m[1]
	}
	if m := revRE.FindStringSubmatch(info); m != nil {
		wantRev = m[1]
	}
	for _, tc := range []struct {
		flag string
		full bool
	}{{"-V", false}, {"-V=full", true}} {
		out, code := run(t, repoRoot(t), kalint(t), tc.flag)
		m := versionRE.FindStringSubmatch(out)
		if code != 0 || m == nil {
			t.Errorf("kalint %s: exit %d, output %q, want %s", tc.flag, code, out, versionRE)
			continue
		}
		if m[1] != wantVersion || m[2] != wantRev {
			t.Errorf("kalint %s: version %q revision %q, want %q and %q (go version -m)", tc.flag, m[1], m[2], wantVersion, wantRev)
		}
		if (m[3] != "") != tc.full {
			t.Errorf("kalint %s: %q: buildID present = %v, want %v", tc.flag, out, m[3] != "", tc.full)
		}
	}
	if out, code := run(t, repoRoot(t), kalint(t), "-V=short"); code != 2 {
		t.Errorf("kalint -V=short: exit %d, want 2\n%s", code, out)
	}
}

// go vet caches kalint's results under its -V=full line: the same binary
// is served from the cache, a changed binary is run again.
func TestVetCache(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"p/p.go": "package p\n\nfunc F() {}\n", // no imports: go vet runs kalint on p alone
	})
	data, err := os.ReadFile(kalint(t))
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(t.TempDir(), "kalint")
	nonce := fmt.Sprintf("\nkalint-test %d\n", time.Now().UnixNano()) // after the ELF data: a new hash, same program
	if err := os.WriteFile(changed, append(data, nonce...), 0o755); err != nil {
		t.Fatal(err)
	}
	for i, tc := range []struct {
		tool    string
		wantRun bool
	}{{kalint(t), false}, {kalint(t), false}, {changed, true}} {
		out, _ := run(t, dir, "go", "vet", "-x", "-vettool="+tc.tool, "./...")
		ran := regexp.MustCompile(regexp.QuoteMeta(tc.tool) + ` .*vet\.cfg`).MatchString(out)
		if i > 0 && ran != tc.wantRun {
			t.Errorf("run %d of go vet with %s: tool ran = %v, want %v\n%s", i, tc.tool, ran, tc.wantRun, out)
		}
	}
}

// A package that does not type-check gets its compiler error once, with
// file and line, and nothing else; in JSON, under every package it keeps
// from analysis (the broken one, its test variant, its importer), so that
// none is left out silently.
func TestTypeErrorOnce(t *testing.T) {
	t.Parallel()
	dir := writeModule(t, map[string]string{
		"broken/broken.go":      "package broken\n\nimport \"net/http\"\n\nvar s = &http.Server{ReadTimeout: \"ten\"}\n",
		"broken/broken_test.go": "package broken\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n",
		"user/user.go":          "package user\n\nimport _ \"example.com/m/broken\"\n",
	})
	want := filepath.Join(dir, "broken", "broken.go") + `:5:35: cannot use "ten" (untyped string constant) as time.Duration value in struct literal`
	out, code := run(t, dir, kalint(t), "./...")
	if code != 1 || out != want+"\n" {
		t.Errorf("kalint: exit %d, output:\n%s\nwant exit 1, output:\n%s", code, out, want)
	}
	out, code = run(t, dir, kalint(t), "-json", "./...")
	var tree map[string]map[string]struct{ Error string }
	if err := json.Unmarshal([]byte(out), &tree); err != nil || code != 1 {
		t.Fatalf("kalint -json: exit %d, %v:\n%s", code, err, out)
	}
	for pkg, byAnalyzer := range tree {
		if len(byAnalyzer) != 1 || byAnalyzer["kalint"].Error != want {
			t.Errorf("kalint -json for %s: %v, want only the kalint error %q", pkg, byAnalyzer, want)
		}
	}
	if tree["example.com/m/user"]["kalint"].Error != want {
		t.Errorf("kalint -json: the importer of the broken package has no error:\n%s", out)
	}
}

// -v prints respbody's note where the bound on one function's cost stopped
// its analysis; without -v the run says nothing (the note is no finding).
func TestVerboseNote(t *testing.T) {
	t.Parallel()
	var src strings.Builder
	src.WriteString("package big\n\nimport (\n\t\"io\"\n\t\"net/http\"\n)\n\nfunc Many(c *http.Client, u string) {\n")
	const n = 300 // each response open to the end: past the bound
	for i := range n {
		fmt.Fprintf(&src, "\tr%d, err := c.Get(u)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n", i)
	}
	for i := range n {
		fmt.Fprintf(&src, "\tio.Copy(io.Discard, r%d.Body)\n\tr%d.Body.Close()\n", i, i)
	}
	src.WriteString("}\n")
	dir := writeModule(t, map[string]string{"big/big.go": src.String()})
	note := regexp.MustCompile(`(?m)/big/big.go:\d+:\d+: respbody: note: analysis of Many stopped here .* responses from here on are not checked$`)
	out, code := run(t, dir, kalint(t), "-v", "-respbody", "./...")
	if code != 0 || !note.MatchString(out) {
		t.Errorf("kalint -v: exit %d, output:\n%s\nwant exit 0 and respbody's note on Many", code, out)
	}
	if out, code := run(t, dir, kalint(t), "-respbody", "./..."); code != 0 || out != "" {
		t.Errorf("kalint without -v: exit %d, output:\n%s\nwant exit 0 and no output", code, out)
	}
}
