package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const badServer = `package main

import (
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080", ReadTimeout: 10 * time.Second}
	srv.ListenAndServe()
}
`

// gitEnv lets git commit in a bare test environment.
var gitEnv = []string{
	"GIT_AUTHOR_NAME=kalint test", "GIT_AUTHOR_EMAIL=test@kalint.invalid",
	"GIT_COMMITTER_NAME=kalint test", "GIT_COMMITTER_EMAIL=test@kalint.invalid",
	"GIT_CONFIG_NOSYSTEM=1",
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), gitEnv...)
	out, code := runCmd(t, cmd)
	if code != 0 {
		t.Fatalf("git %s: exit %d\n%s", strings.Join(args, " "), code, out)
	}
	return out
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot commits the checkout as it is on disk (tracked and untracked,
// not ignored files) to a new repository. try-repo on the checkout itself
// would see committed and modified tracked files only, and miss new ones
// such as an uncommitted .pre-commit-hooks.yaml.
func snapshot(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	dir := t.TempDir()
	files := git(t, root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, name := range strings.Split(strings.TrimRight(files, "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	git(t, dir, "init", "-q")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "snapshot")
	return dir
}

// The hooks through `pre-commit try-repo`: on a repository holding the
// fixture, each hook fails with exactly the fixture's expected findings
// (silenced ones left out); on a repository whose server is fixed, both
// pass.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("installs kalint through pre-commit")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (.ci/run installs it)")
	}
	if err := exec.Command("git", "-C", repoRoot(t), "rev-parse").Run(); err != nil {
		t.Skip("the checkout is not a git work tree: pre-commit needs one")
	}
	t.Parallel()
	hooks := snapshot(t)

	// pre-commit installs the hooks with GOPATH set to a directory of its
	// own; sharing the module cache saves downloading kalint's modules on
	// every install.
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	// tryRepo runs the hooks named (all of .pre-commit-hooks.yaml without
	// a name) on the repository in dir.
	tryRepo := func(dir string, hook ...string) (string, int) {
		args := append([]string{"try-repo", hooks}, hook...)
		cmd := exec.Command("pre-commit", append(args, "--all-files", "--color=never")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), gitEnv...)
		cmd.Env = append(cmd.Env, "GOMODCACHE="+strings.TrimSpace(string(modcache)))
		return runCmd(t, cmd)
	}
	hookNames := map[string]string{"kalint": "kalint", "kalint-vet": "kalint (go vet)"}
	// result is pre-commit's "Passed" or "Failed" for the hook named name.
	result := func(out, name string) string {
		for _, line := range strings.Split(out, "\n") {
			if rest, ok := strings.CutPrefix(line, name+"."); ok {
				return strings.TrimLeft(rest, ".")
			}
		}
		return "not run"
	}

	fixture := t.TempDir()
	if err := os.CopyFS(fixture, os.DirFS(fixtureDir(t))); err != nil {
		t.Fatal(err)
	}
	git(t, fixture, "init", "-q")
	git(t, fixture, "add", "-A")
	for id, name := range hookNames {
		out, code := tryRepo(fixture, id)
		if got := result(out, name); code == 0 || got != "Failed" {
			t.Errorf("fixture: exit %d, hook %q %s, want Failed:\n%s", code, name, got, out)
		}
		compare(t, "pre-commit hook "+id, findings(fixture, out), lines(expected(t)))
	}

	user := t.TempDir()
	writeFile(t, filepath.Join(user, "go.mod"), "module example.com/user\n\ngo 1.22\n")
	fixed := strings.Replace(badServer, "ReadTimeout: 10 * time.Second}", "ReadTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}", 1)
	writeFile(t, filepath.Join(user, "main.go"), fixed)
	git(t, user, "init", "-q")
	git(t, user, "add", "-A")
	out, code := tryRepo(user)
	for _, name := range hookNames {
		if got := result(out, name); got != "Passed" || code != 0 {
			t.Errorf("fixed file: exit %d, hook %q %s, want Passed:\n%s", code, name, got, out)
		}
	}
}
