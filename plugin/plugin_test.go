package plugin_test

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"github.com/kalint/kalint/analyzers"
	"github.com/kalint/kalint/analyzers/serveridle"
	"github.com/kalint/kalint/plugin"
	"golang.org/x/tools/go/analysis"
)

// build runs the plugin as golangci-lint does: the constructor registered
// under "kalint", then BuildAnalyzers.
func build(conf any) ([]*analysis.Analyzer, error) {
	newPlugin, err := register.GetPlugin("kalint")
	if err != nil {
		return nil, err
	}
	p, err := newPlugin(conf)
	if err != nil {
		return nil, err
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		return nil, fmt.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func mustBuild(t *testing.T, conf any) []*analysis.Analyzer {
	t.Helper()
	list, err := build(conf)
	if err != nil {
		t.Fatalf("settings %v: %v", conf, err)
	}
	return list
}

func names(list []*analysis.Analyzer) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Name)
	}
	return out
}

func flags(a *analysis.Analyzer) []*flag.Flag {
	var out []*flag.Flag
	a.Flags.VisitAll(func(f *flag.Flag) { out = append(out, f) })
	return out
}

// The settings struct and the suite must not drift apart when analyzers
// are added: one settings entry per analyzer, one setting per flag, no
// setting without a flag.
func TestSettingsMatchSuite(t *testing.T) {
	t.Parallel()
	st := reflect.TypeFor[plugin.Settings]()
	entries := make(map[string]reflect.Type)
	for i := range st.NumField() {
		entries[st.Field(i).Tag.Get("json")] = st.Field(i).Type
	}
	for _, a := range analyzers.All() {
		sub, ok := entries[a.Name]
		if !ok {
			t.Errorf("plugin.Settings has no field tagged json:%q for analyzer %s", a.Name, a.Name)
			continue
		}
		delete(entries, a.Name)
		keys := make(map[string]bool)
		for i := range sub.NumField() {
			keys[sub.Field(i).Tag.Get("json")] = true
		}
		if !keys["disable"] {
			t.Errorf("%s: settings type %s has no `disable` key", a.Name, sub)
		}
		delete(keys, "disable")
		for _, f := range flags(a) {
			if !keys[f.Name] {
				t.Errorf("%s: flag -%s has no setting: add a field tagged json:%q to %s", a.Name, f.Name, f.Name, sub)
			}
			delete(keys, f.Name)
		}
		for k := range keys {
			t.Errorf("%s: setting %q matches no flag of the analyzer", a.Name, k)
		}
	}
	for name := range entries {
		t.Errorf("plugin.Settings has %q, which is not in analyzers.All()", name)
	}
}

// With no settings the plugin builds the whole suite, in order, with the
// same defaults as the kalint command.
func TestDefaults(t *testing.T) {
	t.Parallel()
	for _, conf := range []any{nil, map[string]any{}} {
		got := mustBuild(t, conf)
		want := analyzers.All()
		if !slices.Equal(names(got), names(want)) {
			t.Fatalf("settings %v: analyzers %v, want %v", conf, names(got), names(want))
		}
		for i, a := range want {
			for _, f := range flags(a) {
				if v := got[i].Flags.Lookup(f.Name).Value.String(); v != f.Value.String() {
					t.Errorf("%s -%s = %s, want the default %s", a.Name, f.Name, v, f.Value.String())
				}
			}
		}
	}
}

// sample returns a non-default value for a flag: the setting to write and
// the flag value it must produce.
func sample(t *testing.T, a *analysis.Analyzer, f *flag.Flag) (setting any, want string) {
	t.Helper()
	getter, ok := f.Value.(flag.Getter)
	if !ok {
		t.Fatalf("%s -%s: not a flag.Getter", a.Name, f.Name)
	}
	switch v := getter.Get().(type) {
	case time.Duration:
		d := v + 97*time.Second
		return d.String(), d.String()
	case bool:
		return !v, fmt.Sprint(!v)
	case int:
		return v + 7, fmt.Sprint(v + 7)
	case string:
		return v + "-sample", v + "-sample"
	case []string:
		list := append(slices.Clone(v), "PUT")
		return list, strings.Join(list, ",")
	}
	t.Fatalf("%s -%s: flag type %T: teach sample() and the plugin this type", a.Name, f.Name, getter.Get())
	return nil, ""
}

// Every setting reaches its analyzer: a non-default value for each flag,
// written as golangci-lint passes it, shows up in the built analyzer.
func TestSettingsTakeEffect(t *testing.T) {
	t.Parallel()
	for _, a := range analyzers.All() {
		for _, f := range flags(a) {
			setting, want := sample(t, a, f)
			conf := map[string]any{a.Name: map[string]any{f.Name: setting}}
			i := slices.Index(names(analyzers.All()), a.Name)
			built := mustBuild(t, conf)[i]
			if got := built.Flags.Lookup(f.Name).Value.String(); got != want {
				t.Errorf("%s.%s: %v gives -%s=%s, want %s", a.Name, f.Name, setting, f.Name, got, want)
			}
		}
	}
}

func TestDisable(t *testing.T) {
	t.Parallel()
	for _, a := range analyzers.All() {
		got := names(mustBuild(t, map[string]any{a.Name: map[string]any{"disable": true}}))
		if slices.Contains(got, a.Name) {
			t.Errorf("%s disabled but built: %v", a.Name, got)
		}
		if len(got) != len(analyzers.All())-1 {
			t.Errorf("disabling %s leaves %v", a.Name, got)
		}
	}
}

// Each build makes new analyzers and leaves the package-level ones alone.
func TestFreshInstances(t *testing.T) {
	t.Parallel()
	a := mustBuild(t, map[string]any{"serveridle": map[string]any{"idle-timeout": "90s"}})[0]
	b := mustBuild(t, nil)[0]
	if a == b || a == serveridle.Analyzer || b == serveridle.Analyzer {
		t.Fatal("BuildAnalyzers reuses analyzer instances")
	}
	if got := serveridle.Analyzer.Flags.Lookup("idle-timeout").Value.String(); got != "2m0s" {
		t.Errorf("serveridle.Analyzer -idle-timeout = %s after building with 90s, want 2m0s", got)
	}
}

func TestBadSettings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		conf any
		want []string
	}{
		{"unknown analyzer", map[string]any{"serverilde": map[string]any{}},
			[]string{`unknown field "serverilde"`, "serveridle.idle-timeout"}},
		{"unknown option", map[string]any{"serveridle": map[string]any{"idle-timout": "1m"}},
			[]string{`unknown field "idle-timout"`, "serveridle.idle-timeout"}},
		{"not a duration", map[string]any{"serveridle": map[string]any{"idle-timeout": "soon"}},
			[]string{"serveridle.idle-timeout", `"soon"`}},
		{"a number", map[string]any{"serveridle": map[string]any{"idle-timeout": 90}},
			[]string{"idle-timeout", "number"}},
		{"zero", map[string]any{"serveridle": map[string]any{"idle-timeout": "0s"}},
			[]string{"serveridle.idle-timeout must be positive"}},
		{"negative", map[string]any{"serveridle": map[string]any{"idle-timeout": "-1m"}},
			[]string{"serveridle.idle-timeout must be positive"}},
		{"not a map", "serveridle", []string{"kalint settings"}},
	} {
		_, err := build(tc.conf)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", tc.name, err, w)
			}
		}
	}
}

// .golangci.example.yml and the settings table of docs/golangci-lint.md show
// every analyzer and every option, so users see what they can set. (The
// golangci-lint end-to-end test runs the example.)
func TestSettingsDocumented(t *testing.T) {
	t.Parallel()
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	example, table := read("../.golangci.example.yml"), read("../docs/golangci-lint.md")
	for _, a := range analyzers.All() {
		keys := []string{"disable"}
		for _, f := range flags(a) {
			keys = append(keys, f.Name)
		}
		if !strings.Contains(example, " "+a.Name+":") {
			t.Errorf(".golangci.example.yml does not show %s's settings", a.Name)
		}
		for _, key := range keys {
			if key != "disable" && !strings.Contains(example, " "+key+":") {
				t.Errorf(".golangci.example.yml does not show %s setting %q", a.Name, key)
			}
			if row := "| `" + a.Name + "." + key + "` |"; !strings.Contains(table, row) {
				t.Errorf("docs/golangci-lint.md's settings table has no row %s", row)
			}
		}
	}
}
