package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// versionFlag reports whether args ask for the version (-V) and whether in
// the full form (-V=full) that go vet uses to identify the tool.
func versionFlag(args []string) (full, ok bool, err error) {
	for _, arg := range args {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "V" {
			continue
		}
		switch {
		case !hasValue || value == "true":
			return false, true, nil
		case value == "full":
			return true, true, nil
		}
		return false, false, fmt.Errorf("-V=%s: want -V or -V=full", value)
	}
	return false, false, nil
}

// printVersion prints "kalint version <module version> [revision <vcs
// revision>[ (modified)]] <go version>". The full form adds
// buildID=<sha256 of the executable>: go vet keys its cache on this line
// (on its buildID field for a "devel" version, on the whole line
// otherwise), so a rebuilt binary never gets results cached for another.
func printVersion(w io.Writer, full bool) int {
	line := "kalint version " + version()
	if full {
		id, err := executableHash()
		if err != nil {
			fmt.Fprintln(os.Stderr, "kalint:", err)
			return 1
		}
		line += " buildID=" + id
	}
	fmt.Fprintln(w, line)
	return 0
}

// version describes the build from its build info: the module version
// ("(devel)" outside a tagged release), the VCS revision and the Go
// version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		v += " revision " + rev
		if settings["vcs.modified"] == "true" {
			v += " (modified)"
		}
	}
	return v + " " + info.GoVersion
}

// executableHash returns the hex SHA-256 of the running executable.
func executableHash() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
