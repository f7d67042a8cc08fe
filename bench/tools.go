package main

import (
	"bytes"
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A tool is one command line to time: a binary and the flags that come
// before the packages.
type tool struct {
	name  string // row label in the report
	path  string
	flags []string
}

// binaries are the three programs under test.
type binaries struct {
	kalint, floor, bodyclose string // bodyclose is "" when skipped
	floorDoc                 string // the floor's loading mode, from `floor help`
	// factsFloor is the floor built with -tags facts: the loading floor of
	// a design with cross-package facts ("" when the suite has facts, as
	// the floor then is that already).
	factsFloor, factsFloorDoc string
}

// build builds kalint from the checkout at root and the floor from ./floor
// into dir, and installs the pinned bodyclose into ./.bin.
func build(root, dir string, skipBodyclose bool) (binaries, error) {
	b := binaries{kalint: filepath.Join(dir, "kalint"), floor: filepath.Join(dir, "floor")}
	if err := goCmd(root, nil, "build", "-o", b.kalint, "./cmd/kalint"); err != nil {
		return b, err
	}
	if err := goCmd("floor", nil, "build", "-o", b.floor, "."); err != nil {
		return b, err
	}
	var err error
	if b.floorDoc, err = floorDoc(b.floor); err != nil {
		return b, err
	}
	if !strings.Contains(b.floorDoc, "from source") {
		b.factsFloor = filepath.Join(dir, "floor-facts")
		if err := goCmd("floor", nil, "build", "-tags", "facts", "-o", b.factsFloor, "."); err != nil {
			return b, err
		}
		if b.factsFloorDoc, err = floorDoc(b.factsFloor); err != nil {
			return b, err
		}
	}
	if skipBodyclose {
		return b, nil
	}
	gobin, err := filepath.Abs(".bin")
	if err != nil {
		return b, err
	}
	if err := goCmd(".", []string{"GOBIN=" + gobin}, "install", bodyclose); err != nil {
		return b, err
	}
	b.bodyclose = filepath.Join(gobin, "bodyclose")
	return b, nil
}

// floorDoc returns a floor's loading mode, from `floor help`.
func floorDoc(floor string) (string, error) {
	help, err := output(".", floor, "help")
	if err != nil {
		return "", err
	}
	// The analyzer's line in the list after "Registered analyzers:"; the
	// help's first lines start with "floor" too ("floor is a tool ...").
	doc, listed := "", false
	for line := range strings.Lines(help) {
		if strings.HasPrefix(strings.TrimSpace(line), "Registered analyzers") {
			listed = true
		} else if name, rest, ok := strings.Cut(strings.TrimSpace(line), " "); ok && listed && name == "floor" {
			doc = strings.TrimSpace(rest)
			break
		}
	}
	if doc == "" {
		return "", fmt.Errorf("%s help does not describe the floor", floor)
	}
	return doc, nil
}

// analyzerNames asks kalint which analyzers it has: multichecker registers
// an `-NAME` flag with usage `enable "NAME" analysis` for each.
func analyzerNames(kalint string) ([]string, error) {
	out, err := output(".", kalint, "-flags")
	if err != nil {
		return nil, err
	}
	var flags []struct {
		Name  string
		Bool  bool
		Usage string
	}
	if err := json.Unmarshal([]byte(out), &flags); err != nil {
		return nil, fmt.Errorf("kalint -flags: %v", err)
	}
	var names []string
	for _, f := range flags {
		if f.Bool && f.Usage == fmt.Sprintf("enable %q analysis", f.Name) {
			names = append(names, f.Name)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("kalint -flags lists no analyzers")
	}
	return names, nil
}

// toolsVersion returns the golang.org/x/tools version a binary was built
// with: drivers differ by version too, so the report shows it.
func toolsVersion(path string) string {
	info, err := buildinfo.ReadFile(path)
	if err != nil {
		return "unknown"
	}
	for _, dep := range info.Deps {
		if dep.Path == "golang.org/x/tools" {
			if dep.Replace != nil {
				dep = dep.Replace
			}
			return dep.Version
		}
	}
	return "none"
}

// goCmd runs the go command in dir with extra environment, failing with
// its output.
func goCmd(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return nil
}

// output runs a command in dir and returns its standard output.
func output(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.Bytes())
	}
	return string(out), nil
}
