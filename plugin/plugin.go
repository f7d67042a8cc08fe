// Package plugin is kalint as a golangci-lint v2 module plugin.
//
// Blank-import it into a golangci-lint built by `golangci-lint custom` (see
// .custom-gcl.example.yml) and enable the linter in .golangci.yml (see
// .golangci.example.yml):
//
//	linters:
//	  enable: [kalint]
//	  settings:
//	    custom:
//	      kalint:
//	        type: module
//	        settings:
//	          serveridle:
//	            idle-timeout: 90s
//
// Settings has one entry per analyzer of analyzers.All(), named like it.
// Every analyzer is on unless its entry says `disable: true`; its other
// keys are the analyzer's flags, and their values are checked by the flags
// themselves, as on the command line. Values can be written as YAML types:
// durations as strings (90s), integers, booleans, lists of strings (or one
// comma-separated string). Unknown keys are errors.
//
// Under golangci-lint each finding is one issue, its related locations
// folded into the message, and golangci-lint applies //nolint:kalint
// itself (see asGolangciIssues).
package plugin

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"github.com/kalint/kalint/analyzers"
	"golang.org/x/tools/go/analysis"
)

func init() { register.Plugin("kalint", New) }

// settings is the `settings` section of kalint in .golangci.yml: per
// analyzer name, its keys and their values as golangci-lint decoded them.
type settings map[string]map[string]any

type plugin struct {
	settings settings
}

// New decodes kalint's settings from golangci-lint's configuration and
// checks them, so that a bad one stops golangci-lint before it loads code.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[settings](conf)
	if err != nil {
		return nil, fmt.Errorf("kalint settings: %w", err)
	}
	p := &plugin{settings: s}
	if _, err := p.BuildAnalyzers(); err != nil {
		return nil, err
	}
	return p, nil
}

// BuildAnalyzers builds a fresh instance of every enabled analyzer, with
// its flags set from the settings.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	suite := analyzers.All()
	for _, name := range slices.Sorted(maps.Keys(p.settings)) {
		if !slices.ContainsFunc(suite, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			return nil, fmt.Errorf("kalint settings: unknown analyzer %q (valid keys: %s)", name, validKeys(suite...))
		}
	}
	var list []*analysis.Analyzer
	for _, a := range suite {
		if err := a.Flags.Set(analyzers.NolintFlag, "false"); err != nil {
			return nil, err
		}
		asGolangciIssues(a)
		disabled, err := configure(a, p.settings[a.Name])
		if err != nil {
			return nil, fmt.Errorf("kalint settings: %w", err)
		}
		if !disabled {
			list = append(list, a)
		}
	}
	return list, nil
}

// GetLoadMode asks for type information: every analyzer needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// configure sets a's flags from its settings, in key order so that the
// first bad key reported does not vary, and reports whether a is disabled.
func configure(a *analysis.Analyzer, opts map[string]any) (disabled bool, err error) {
	for _, key := range slices.Sorted(maps.Keys(opts)) {
		v := opts[key]
		if key == "disable" {
			b, ok := v.(bool)
			if !ok {
				return false, fmt.Errorf("invalid value %s for %s.disable: want true or false", show(v), a.Name)
			}
			disabled = b
			continue
		}
		f := a.Flags.Lookup(key)
		if f == nil || key == analyzers.NolintFlag { // golangci-lint applies //nolint
			return false, fmt.Errorf("unknown key %q of %s (valid keys: %s)", key, a.Name, validKeys(a))
		}
		text, err := flagText(f, v)
		if err == nil {
			err = f.Value.Set(text)
		}
		if err != nil {
			return false, fmt.Errorf("invalid value %s for %s.%s: %v", show(v), a.Name, key, err)
		}
	}
	return disabled, nil
}

// flagText writes a setting, as decoded from YAML through JSON, in its
// flag's command-line syntax, for the flag's Set to check. A list is
// accepted only by a flag whose value is a list.
func flagText(f *flag.Flag, v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64: // JSON numbers
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		if g, ok := f.Value.(flag.Getter); !ok || !isList(g.Get()) {
			return "", errors.New("not a list option")
		}
		items := make([]string, len(v))
		for i, item := range v {
			s, ok := item.(string)
			if !ok || strings.Contains(s, ",") {
				return "", fmt.Errorf("list item %s is not a string without commas", show(item))
			}
			items[i] = s
		}
		return strings.Join(items, ","), nil
	}
	return "", errors.New("want a string, number, boolean or list")
}

func isList(v any) bool {
	_, ok := v.([]string)
	return ok
}

// show formats a setting for an error message as it was written.
func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

// validKeys lists the analyzers' settings as analyzer.key, for error
// messages.
func validKeys(as ...*analysis.Analyzer) string {
	var keys []string
	for _, a := range as {
		keys = append(keys, a.Name+".disable")
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Name != analyzers.NolintFlag {
				keys = append(keys, a.Name+"."+f.Name)
			}
		})
	}
	return strings.Join(keys, ", ")
}
