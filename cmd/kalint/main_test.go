package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The findings on testdata/example (the README's first command), as
// file:line: analyzer: message.
var want = []string{
	"testdata/example/admin/admin.go:14: serveridle: http.Server sets ReadTimeout but not IdleTimeout (idle keep-alive connections close after 5s)",
	"testdata/example/inventory/inventory.go:26: respbody: resp.Body is not closed on a path that returns (connection leak)",
	"testdata/example/inventory/inventory.go:44: respbody: resp.Body is closed without being read (connection not reused)",
	"testdata/example/server/server.go:24: serveridle: http.Server sets ReadTimeout but not IdleTimeout (idle keep-alive connections close after ReadTimeout)",
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// kalint builds cmd/kalint once per test binary.
func kalint(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kalint-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "kalint")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building kalint: %v", buildErr)
	}
	return binPath
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// run runs a command in dir and returns its combined output and exit code.
func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	return runCmd(t, cmd)
}

// runCmd runs cmd and returns its combined output and exit code.
func runCmd(t *testing.T, cmd *exec.Cmd) (string, int) {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	}
	t.Fatalf("%s: %v", cmd, err)
	return "", 0
}

var findingRE = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: (.*)$`)

// findings extracts file:line: analyzer: message lines, with paths
// relative to root, leaving out related-location lines (indented messages).
func findings(root, out string) []string {
	var got []string
	for _, m := range findingRE.FindAllStringSubmatch(out, -1) {
		if strings.HasPrefix(m[3], "\t") {
			continue
		}
		file := m[1]
		if rel, err := filepath.Rel(root, file); err == nil && filepath.IsAbs(file) {
			file = rel
		}
		got = append(got, file+":"+m[2]+": "+m[3])
	}
	slices.Sort(got)
	return got
}

func TestStandalone(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	out, code := run(t, root, kalint(t), "./testdata/example/...")
	if code != 3 {
		t.Errorf("exit code %d, want 3 (findings)\n%s", code, out)
	}
	if got := findings(root, out); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	out, code := run(t, repoRoot(t), kalint(t), "help")
	for _, want := range []string{"serveridle", "report http.Server with ReadTimeout but no IdleTimeout", "-sarif", "-json", "-fix"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("kalint help (exit %d) does not mention %q:\n%s", code, want, out)
		}
	}
	out, code = run(t, repoRoot(t), kalint(t), "help", "respbody")
	if code != 0 || !strings.Contains(out, "-respbody.drain") || !strings.Contains(out, "https://pkg.go.dev/github.com/kalint/kalint/analyzers/respbody") {
		t.Errorf("kalint help respbody (exit %d):\n%s", code, out)
	}
	if out, code := run(t, repoRoot(t), kalint(t), "help", "nosuch"); code != 2 {
		t.Errorf("kalint help nosuch: exit %d, want 2\n%s", code, out)
	}
}

// Bad input: a clear error naming file and line, a non-zero exit, no panic.
func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/bad\n\ngo 1.22\n")
	write("broken/broken.go", "package broken\n\nimport \"net/http\"\n\nvar s = &http.Server{ReadTimeout: \"ten\"}\n")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"type error", []string{"./broken"}, "broken.go:5:"},
		{"missing package", []string{"./missing"}, "missing"},
		{"unknown flag", []string{"-serveridle.nosuch=1", "./broken"}, "flag provided but not defined"},
	} {
		out, code := run(t, dir, kalint(t), tc.args...)
		if code == 0 || code == 3 {
			t.Errorf("%s: exit code %d, want an error", tc.name, code)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%s: output does not mention %q:\n%s", tc.name, tc.want, out)
		}
		if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
			t.Errorf("%s: panic or stack trace:\n%s", tc.name, out)
		}
	}
}

// A bad flag value stops kalint once, before it loads anything: the flag's
// error on one line, the usage line, exit status 2, no findings.
func TestBadFlagValue(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ arg, want string }{
		{"-respbody.drain=bogus", `invalid value "bogus" for flag -respbody.drain: must be "read" or "strict"`},
		{"-serveridle.idle-timeout=0", `invalid value "0" for flag -serveridle.idle-timeout: must be positive`},
		{"-serveridle.idle-timeout=soon", `invalid value "soon" for flag -serveridle.idle-timeout: not a duration (such as 90s or 2m)`},
		{"-dialkeepalive.min-keep-alive=-1s", `invalid value "-1s" for flag -dialkeepalive.min-keep-alive: must be positive`},
		{"-dialkeepalive.idle-conn-timeout=90", `invalid value "90" for flag -dialkeepalive.idle-conn-timeout: not a duration (such as 90s or 2m)`},
		{"-idleperhost.max-idle-per-host=-3", `invalid value "-3" for flag -idleperhost.max-idle-per-host: must be positive`},
		{"-postretry.methods=POST,get", `invalid value "POST,get" for flag -postretry.methods: method "get" is not an upper-case HTTP method token`},
		{"-postretry.methods=", `invalid value "" for flag -postretry.methods: empty list`},
		{"-transportreuse.strict=maybe", `invalid boolean value "maybe" for -transportreuse.strict: parse error`},
	} {
		out, code := run(t, repoRoot(t), kalint(t), tc.arg, "./testdata/example/...")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 2 || len(lines) != 2 || lines[0] != tc.want || !strings.HasPrefix(lines[1], "usage: kalint ") {
			t.Errorf("kalint %s: exit %d, output:\n%s\nwant exit 2 and:\n%s\nusage: kalint ...", tc.arg, code, out, tc.want)
		}
	}
}

// go vet runs kalint once per package (dependencies too), so it reports a
// bad value for each; none is analysed.
func TestBadFlagValueGoVet(t *testing.T) {
	t.Parallel()
	out, code := run(t, repoRoot(t), "go", "vet", "-vettool="+kalint(t), "-respbody.drain=bogus", "./testdata/example/...")
	if code == 0 || !strings.Contains(out, `invalid value "bogus" for flag -respbody.drain: must be "read" or "strict"`) ||
		!strings.Contains(out, "# github.com/kalint/kalint/testdata/example/inventory\n") {
		t.Errorf("go vet -respbody.drain=bogus: exit %d, output:\n%s", code, out)
	}
	if got := findings(repoRoot(t), out); len(got) > 0 {
		t.Errorf("go vet -respbody.drain=bogus analysed packages:\n%s", strings.Join(got, "\n"))
	}
}
