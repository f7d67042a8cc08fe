package main_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// golangciVersion is the golangci-lint that the plugin is built into; its
// go.mod fixes the plugin-module-register and x/tools versions of kalint.
const golangciVersion = "v2.15.0"

// What `golangci-lint custom` generates, built here without its git clone:
// golangci-lint's own command entry (as in its cmd/golangci-lint/main.go)
// with the plugin linked in by a blank import.
const golangciMain = `package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/kalint/kalint/plugin"
)

func main() {
	info := commands.BuildInfo{Version: "%s-kalint", GoVersion: runtime.Version(), Commit: "kalint e2e test", Date: "(unknown)"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %%v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
`

const golangciMod = `module kalint.test/golangci-lint

go 1.26.0

require (
	github.com/golangci/golangci-lint/v2 %s
	github.com/kalint/kalint v0.0.0
)

replace github.com/kalint/kalint => %s
`

// sourceHash hashes what the plugin binary is built from: kalint's go.mod
// and go.sum, every non-test file in the directories of the kalint packages
// that the plugin imports (embedded files included), and the throwaway
// module's text.
func sourceHash(t *testing.T, root string) string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{if .Module.Main}}{{.Dir}}{{end}}{{end}}", "./plugin")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	files := []string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")}
	for _, dir := range strings.Fields(string(out)) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() && !strings.HasSuffix(e.Name(), "_test.go") {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n", golangciVersion, golangciMain, golangciMod)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(h, "%s %d\n", rel, len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}

// golangciLint returns a golangci-lint binary with kalint's plugin, built
// in a throwaway module under the user cache directory, one directory per
// source hash so that checkouts testing at the same time do not collide,
// and reused while the source is unchanged.
func golangciLint(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	builds := filepath.Join(cache, "kalint-e2e", "golangci-lint-"+golangciVersion)
	dir := filepath.Join(builds, sourceHash(t, root))
	bin := filepath.Join(dir, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("golangci-lint with kalint: cached %s", bin)
		return bin
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"go.mod":  fmt.Sprintf(golangciMod, golangciVersion, root),
		"main.go": fmt.Sprintf(golangciMain, golangciVersion),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	tmp := bin + ".tmp"
	for _, args := range [][]string{{"mod", "tidy"}, {"build", "-o", tmp, "."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, code := runCmd(t, cmd); code != 0 {
			t.Fatalf("go %s in %s: exit %d\n%s", strings.Join(args, " "), dir, code, out)
		}
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("golangci-lint %s with kalint: built in %s", golangciVersion, time.Since(start).Round(time.Second))

	// Each binary is tens of MB: drop builds untouched for a day.
	old, _ := os.ReadDir(builds)
	for _, e := range old {
		if info, err := e.Info(); err == nil && e.Name() != filepath.Base(dir) && time.Since(info.ModTime()) > 24*time.Hour {
			os.RemoveAll(filepath.Join(builds, e.Name()))
		}
	}
	return bin
}

const golangciConfig = `version: "2"
linters:
  default: none
  enable: [kalint]
  settings:
    custom:
      kalint:
        type: module
        description: keep-alive mistakes in Go HTTP clients and servers
        settings:
%s
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
`

type golangciIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
	}
	SuggestedFixes []struct {
		TextEdits []struct{ NewText []byte }
	}
}

// kalintConfig writes a .golangci.yml that enables only kalint, with
// kalint's settings (YAML, indented under `settings:`).
func kalintConfig(t *testing.T, settings string) string {
	t.Helper()
	config := filepath.Join(t.TempDir(), ".golangci.yml")
	if err := os.WriteFile(config, []byte(fmt.Sprintf(golangciConfig, settings)), 0o644); err != nil {
		t.Fatal(err)
	}
	return config
}

// golangciRun runs golangci-lint with a configuration on the fixture, with
// a cache of its own. The subtests run at once, and other golangci-lint
// runs may share the machine: without --allow-parallel-runners one of them
// waits for the others' lock and gives up ("parallel golangci-lint is
// running").
func golangciRun(t *testing.T, bin, config string, args ...string) (issues []golangciIssue, stderr string, code int) {
	t.Helper()
	args = append([]string{"run", "--config", config, "--output.json.path=stdout",
		"--path-mode=abs", "--show-stats=false", "--allow-parallel-runners"}, args...)
	cmd := exec.Command(bin, append(args, "./...")...)
	cmd.Dir = fixtureDir(t)
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	var stdout, errBuf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &errBuf
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		t.Fatal(err)
	}
	code = cmd.ProcessState.ExitCode()
	if stdout.Len() > 0 {
		var res struct{ Issues []golangciIssue }
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
			t.Fatalf("golangci-lint JSON: %v\n%s", err, stdout.Bytes())
		}
		issues = res.Issues
	}
	return issues, errBuf.String(), code
}

// findingsOf turns every issue golangci-lint printed into a finding;
// golangci-lint puts the analyzer's name before the message. The plugin
// folds related locations into the message (golangci-lint would make each
// an issue of its own), in brackets: they are cut off here, and an issue of
// golangci-lint's own for one ("(related information)") is an error.
func findingsOf(t *testing.T, issues []golangciIssue) []finding {
	t.Helper()
	var list []finding
	for _, is := range issues {
		if is.FromLinter != "kalint" {
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
			continue
		}
		analyzer, message, ok := strings.Cut(is.Text, ": ")
		if !ok {
			t.Errorf("issue text %q has no analyzer name", is.Text)
			continue
		}
		if strings.HasSuffix(analyzer, "(related information)") {
			t.Errorf("a related location is an issue of its own: %s", is.Text)
		}
		message, _, _ = strings.Cut(message, " [")
		file, _ := filepath.Rel(fixtureDir(t), is.Pos.Filename)
		list = append(list, finding{filepath.ToSlash(file), is.Pos.Line, analyzer, message})
	}
	return list
}

// fixTexts joins the new text of every suggested fix.
func fixTexts(issues []golangciIssue) string {
	var b strings.Builder
	for _, is := range issues {
		for _, fix := range is.SuggestedFixes {
			for _, e := range fix.TextEdits {
				b.Write(e.NewText)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// twoAnalyzersOnALine reports whether two analyzers report on one line.
func twoAnalyzersOnALine(list []finding) bool {
	first := map[string]string{}
	for _, f := range list {
		at := fmt.Sprintf("%s:%d", f.file, f.line)
		if a, ok := first[at]; ok && a != f.analyzer {
			return true
		}
		first[at] = f.analyzer
	}
	return false
}

// The plugin inside a real golangci-lint: the expected findings, each one
// issue, with the silenced ones left out, and settings that change,
// disable or are rejected.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint with the plugin (minutes when not cached)")
	}
	t.Parallel()
	bin := golangciLint(t)
	want := expected(t)

	t.Run("defaults", func(t *testing.T) {
		t.Parallel()
		issues, stderr, code := golangciRun(t, bin, kalintConfig(t, ""))
		if code != 1 {
			t.Errorf("exit %d, want 1 (issues found)\n%s", code, stderr)
		}
		compare(t, "golangci-lint", lines(findingsOf(t, issues)), lines(want))
		folded := false
		for _, is := range issues {
			folded = folded || strings.HasSuffix(is.Text, "(connection leak) [line 18: returns here with the body open]")
		}
		if !folded {
			t.Error("no issue carries respbody.go:13's related location (line 18) in its message")
		}
		if fixes := fixTexts(issues); !strings.Contains(fixes, "IdleTimeout: 2 * time.Minute") {
			t.Errorf("no fix adds the default IdleTimeout; fixes:\n%s", fixes)
		}
	})

	// The README's configuration, with golangci-lint's other linters off.
	// It keeps every issue: two analyzers' findings on one line too.
	t.Run("example config", func(t *testing.T) {
		t.Parallel()
		if !twoAnalyzersOnALine(want) {
			t.Fatal("no line of expected.txt has findings of two analyzers: issues.uniq-by-line is untested")
		}
		config := filepath.Join(repoRoot(t), ".golangci.example.yml")
		issues, stderr, _ := golangciRun(t, bin, config, "--enable-only=kalint")
		compare(t, "golangci-lint with .golangci.example.yml", lines(findingsOf(t, issues)), lines(want))
		if t.Failed() {
			t.Log(stderr)
		}
	})

	t.Run("idle-timeout", func(t *testing.T) {
		t.Parallel()
		issues, stderr, _ := golangciRun(t, bin, kalintConfig(t, "          serveridle:\n            idle-timeout: 90s"))
		if fixes := fixTexts(issues); !strings.Contains(fixes, "IdleTimeout: 90 * time.Second") {
			t.Errorf("serveridle.idle-timeout: 90s does not reach the fix; fixes:\n%s\n%s", fixes, stderr)
		}
	})

	t.Run("disable", func(t *testing.T) {
		t.Parallel()
		issues, stderr, _ := golangciRun(t, bin, kalintConfig(t, "          serveridle:\n            disable: true"))
		var rest []finding
		for _, f := range want {
			if f.analyzer != "serveridle" {
				rest = append(rest, f)
			}
		}
		compare(t, "golangci-lint without serveridle", lines(findingsOf(t, issues)), lines(rest))
		if t.Failed() {
			t.Log(stderr)
		}
	})

	t.Run("unknown key", func(t *testing.T) {
		t.Parallel()
		_, stderr, code := golangciRun(t, bin, kalintConfig(t, "          serveridle:\n            idle-timout: 90s"))
		if code == 0 || code == 1 || !strings.Contains(stderr, `unknown key "idle-timout" of serveridle`) {
			t.Errorf("exit %d, want an error naming the unknown key:\n%s", code, stderr)
		}
	})

	// YAML-typed values are checked by the flags, as on the command line.
	t.Run("bad value", func(t *testing.T) {
		t.Parallel()
		_, stderr, code := golangciRun(t, bin, kalintConfig(t, "          idleperhost:\n            max-idle-per-host: -3"))
		if code == 0 || code == 1 || !strings.Contains(stderr, `invalid value -3 for idleperhost.max-idle-per-host: must be positive`) {
			t.Errorf("exit %d, want an error naming the setting and the value:\n%s", code, stderr)
		}
	})
}
