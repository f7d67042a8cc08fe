package plugin_test

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"github.com/kalint/kalint/analyzers"
	"github.com/kalint/kalint/analyzers/respbody"
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

// flags returns a's flags that are settings: all but NolintFlag, which
// the plugin sets (golangci-lint applies //nolint itself).
func flags(a *analysis.Analyzer) []*flag.Flag {
	var out []*flag.Flag
	a.Flags.VisitAll(func(f *flag.Flag) {
		if f.Name != analyzers.NolintFlag {
			out = append(out, f)
		}
	})
	return out
}

// With no settings the plugin builds the whole suite, in order, with the
// same defaults as the kalint command, except that it leaves //nolint to
// golangci-lint.
func TestDefaults(t *testing.T) {
	t.Parallel()
	for _, conf := range []any{nil, map[string]any{}} {
		got := mustBuild(t, conf)
		want := analyzers.All()
		if !slices.Equal(names(got), names(want)) {
			t.Fatalf("settings %v: analyzers %v, want %v", conf, names(got), names(want))
		}
		for i, a := range want {
			if v := got[i].Flags.Lookup(analyzers.NolintFlag).Value.String(); v != "false" {
				t.Errorf("%s -%s = %s, want false: golangci-lint applies //nolint", a.Name, analyzers.NolintFlag, v)
			}
			for _, f := range flags(a) {
				if v := got[i].Flags.Lookup(f.Name).Value.String(); v != f.Value.String() {
					t.Errorf("%s -%s = %s, want the default %s", a.Name, f.Name, v, f.Value.String())
				}
			}
		}
	}
}

// choices has a valid non-default value for each string flag (each takes
// one of a few values).
var choices = map[string]string{"respbody.drain": respbody.DrainStrict}

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
		other, ok := choices[a.Name+"."+f.Name]
		if !ok || other == v {
			t.Fatalf("%s -%s: string flag: add a valid value other than %q to choices", a.Name, f.Name, v)
		}
		return other, other
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

// Each build makes new analyzers: settings of one plugin reach neither
// another plugin's analyzers, nor the package-level ones, nor a second
// build of the same plugin.
func TestFreshInstances(t *testing.T) {
	t.Parallel()
	newPlugin, err := register.GetPlugin("kalint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"serveridle": map[string]any{"idle-timeout": "90s"}})
	if err != nil {
		t.Fatal(err)
	}
	first, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	other := mustBuild(t, nil)
	if first[0] == second[0] || first[0] == other[0] || first[0] == serveridle.Analyzer || other[0] == serveridle.Analyzer {
		t.Fatal("BuildAnalyzers reuses analyzer instances")
	}
	for _, tc := range []struct {
		name string
		a    *analysis.Analyzer
		want string
	}{
		{"first build", first[0], "1m30s"},
		{"second build", second[0], "1m30s"},
		{"another plugin", other[0], "2m0s"},
		{"serveridle.Analyzer", serveridle.Analyzer, "2m0s"},
	} {
		if got := tc.a.Flags.Lookup("idle-timeout").Value.String(); got != tc.want {
			t.Errorf("%s: -idle-timeout = %s, want %s", tc.name, got, tc.want)
		}
	}
}

// Values may be written in other YAML forms than the typed one: a list as
// one comma-separated string, an integer that JSON decodes as a float.
func TestOtherForms(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		analyzer, key string
		setting       any
		want          string
	}{
		{"postretry", "methods", "PUT, DELETE", "PUT,DELETE"},
		{"postretry", "methods", []any{"PUT"}, "PUT"},
		{"idleperhost", "max-idle-per-host", 32.0, "32"},
		{"idleperhost", "max-idle-per-host", 1e6, "1000000"},
		{"serveridle", "idle-timeout", "1h", "1h0m0s"},
	} {
		i := slices.Index(names(analyzers.All()), tc.analyzer)
		built := mustBuild(t, map[string]any{tc.analyzer: map[string]any{tc.key: tc.setting}})[i]
		if got := built.Flags.Lookup(tc.key).Value.String(); got != tc.want {
			t.Errorf("%s.%s: %v gives %s, want %s", tc.analyzer, tc.key, tc.setting, got, tc.want)
		}
	}
}

// badSamples returns settings that a flag must reject, by the flag's type,
// with part of the error each gives.
func badSamples(t *testing.T, a *analysis.Analyzer, f *flag.Flag) map[string]struct {
	setting any
	want    string
} {
	t.Helper()
	type bad = struct {
		setting any
		want    string
	}
	common := map[string]bad{
		"nil": {nil, "want a string, number, boolean or list"},
		"map": {map[string]any{"a": 1}, "want a string, number, boolean or list"},
	}
	var more map[string]bad
	switch v := f.Value.(flag.Getter).Get().(type) {
	case time.Duration:
		more = map[string]bad{
			"not a duration": {"soon", "not a duration"},
			"a number":       {90, "not a duration"},
			"zero":           {"0s", "must be positive"},
			"negative":       {"-1m", "must be positive"},
			"a list":         {[]string{"1m"}, "not a list option"},
		}
	case int:
		more = map[string]bad{
			"zero":      {0, "must be positive"},
			"negative":  {-3, "must be positive"},
			"fraction":  {1.5, "not an integer"},
			"a word":    {"many", "not an integer"},
			"a list":    {[]int{3}, "not a list option"},
			"too large": {1e30, "not an integer"},
		}
	case bool:
		more = map[string]bad{
			"a word": {"maybe", "parse error"},
			"a list": {[]bool{true}, "not a list option"},
		}
	case string:
		more = map[string]bad{
			"not a choice": {"bogus", "must be"},
			"a list":       {[]string{v}, "not a list option"},
		}
	case []string:
		more = map[string]bad{
			"lower-case":   {[]string{"POST", "get"}, `method "get" is not an upper-case HTTP method token`},
			"empty":        {[]string{}, "empty list"},
			"empty item":   {"POST,", "empty item"},
			"comma inside": {[]string{"POST,PUT"}, `list item "POST,PUT" is not a string without commas`},
			"not a string": {[]any{7}, "list item 7 is not a string"},
		}
	default:
		t.Fatalf("%s -%s: flag type %T: teach badSamples() this type", a.Name, f.Name, v)
	}
	maps.Copy(more, common)
	return more
}

// Every option rejects bad values with an error naming the setting and the
// value, and the error comes from New, before any analysis.
func TestBadValues(t *testing.T) {
	t.Parallel()
	for _, a := range analyzers.All() {
		for _, f := range flags(a) {
			for name, tc := range badSamples(t, a, f) {
				key := a.Name + "." + f.Name
				_, err := plugin.New(map[string]any{a.Name: map[string]any{f.Name: tc.setting}})
				switch {
				case err == nil:
					t.Errorf("%s = %v (%s): accepted", key, tc.setting, name)
				case !strings.Contains(err.Error(), "for "+key+": ") || !strings.Contains(err.Error(), tc.want):
					t.Errorf("%s = %v (%s): error %q, want one naming %s and saying %q", key, tc.setting, name, err, key, tc.want)
				}
			}
		}
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
			[]string{`unknown analyzer "serverilde"`, "serveridle.idle-timeout", "connfile.disable", "postretry.methods"}},
		{"unknown option", map[string]any{"serveridle": map[string]any{"idle-timout": "1m"}},
			[]string{`unknown key "idle-timout" of serveridle`, "(valid keys: serveridle.disable, serveridle.idle-timeout)"}},
		{"option of another analyzer", map[string]any{"serveridle": map[string]any{"tests": true}},
			[]string{`unknown key "tests" of serveridle`, "(valid keys: serveridle.disable, serveridle.idle-timeout)"}},
		{"nolint is not a setting: golangci-lint applies //nolint", map[string]any{"respbody": map[string]any{"nolint": true}},
			[]string{`unknown key "nolint" of respbody`, "(valid keys: respbody.disable, respbody.drain, respbody.tests)"}},
		{"disable not a bool", map[string]any{"respbody": map[string]any{"disable": "yes"}},
			[]string{`invalid value "yes" for respbody.disable: want true or false`}},
		{"not a map", "serveridle", []string{"kalint settings"}},
		{"analyzer not a map", map[string]any{"serveridle": true}, []string{"kalint settings"}},
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
