package analyzers_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers"
	"golang.org/x/tools/go/analysis"
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
	name := regexp.MustCompile(`^[a-z]+$`)
	seen := map[string]bool{}
	for _, a := range all {
		if !name.MatchString(a.Name) || seen[a.Name] {
			t.Errorf("analyzer name %q: want one unique lowercase word", a.Name)
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
			if !strings.Contains(string(readme), "`-"+a.Name+"."+f.Name) {
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
