package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// results is what one -json run of an analysis driver reported: findings
// per analyzer (absolute positions) and analysis errors.
type results struct {
	findings map[string][]finding
	errors   []string
}

type finding struct {
	posn, message string
}

// parseJSON reads the output of a go/analysis driver run with -json: a map
// from package to analyzer to either a list of diagnostics or an error.
func parseJSON(out []byte) (results, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		return results{}, fmt.Errorf("reading -json output: %v", err)
	}
	r := results{findings: map[string][]finding{}}
	for pkg, byAnalyzer := range tree {
		for analyzer, raw := range byAnalyzer {
			var failed struct{ Error string }
			if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
				r.errors = append(r.errors, fmt.Sprintf("%s: %s: %s", pkg, analyzer, failed.Error))
				continue
			}
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				return results{}, fmt.Errorf("reading -json output for %s %s: %v", pkg, analyzer, err)
			}
			for _, d := range diags {
				r.findings[analyzer] = append(r.findings[analyzer], finding{d.Posn, d.Message})
			}
		}
	}
	slices.Sort(r.errors)
	return r, nil
}

// A relativizer turns absolute file names into module-relative ones:
// <module path>/<file in module> for the module cache, <package dir>/<file>
// for GOROOT, so that findings do not change with the machine or the
// module's version.
type relativizer struct {
	dirs map[string]string // directory (with trailing separator) -> prefix
}

// newRelativizer lists the modules of the bench module (run in its dir).
func newRelativizer() (*relativizer, error) {
	goroot, err := output(".", "go", "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	out, err := output(".", "go", "list", "-m", "-json", "all")
	if err != nil {
		return nil, err
	}
	r := &relativizer{dirs: map[string]string{
		filepath.Join(strings.TrimSpace(goroot), "src") + string(filepath.Separator): "",
	}}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var m struct{ Path, Dir string }
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("go list -m -json all: %v", err)
		}
		if m.Dir != "" {
			r.dirs[m.Dir+string(filepath.Separator)] = m.Path + "/"
		}
	}
	return r, nil
}

// rel rewrites the file name of a "file:line:col" position.
func (r *relativizer) rel(posn string) string {
	best := ""
	for dir := range r.dirs {
		if strings.HasPrefix(posn, dir) && len(dir) > len(best) {
			best = dir
		}
	}
	if best == "" {
		return posn
	}
	return r.dirs[best] + filepath.ToSlash(posn[len(best):])
}

// lines renders findings as sorted, de-duplicated "posn: message" lines.
func (r *relativizer) lines(fs []finding) []string {
	var ls []string
	for _, f := range fs {
		ls = append(ls, r.rel(f.posn)+": "+f.message)
	}
	slices.Sort(ls)
	return slices.Compact(ls)
}

// writeFindings replaces dir's contents with one file per analyzer; an
// analyzer without findings gets an empty file, so that a finding that
// appears or goes away shows as a diff.
func writeFindings(dir string, byAnalyzer map[string][]string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(byAnalyzer)) {
		var text strings.Builder
		for _, l := range byAnalyzer[name] {
			text.WriteString(l + "\n")
		}
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
