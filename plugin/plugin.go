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
// Every analyzer is on unless its settings say `disable: true`. Each
// analyzer option has the name of the analyzer's flag. Unknown keys are
// errors.
package plugin

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"github.com/kalint/kalint/analyzers/connfile"
	"github.com/kalint/kalint/analyzers/dialkeepalive"
	"github.com/kalint/kalint/analyzers/idleperhost"
	"github.com/kalint/kalint/analyzers/keepalivesoff"
	"github.com/kalint/kalint/analyzers/postretry"
	"github.com/kalint/kalint/analyzers/respbody"
	"github.com/kalint/kalint/analyzers/serveridle"
	"github.com/kalint/kalint/analyzers/transportreuse"
	"golang.org/x/tools/go/analysis"
)

func init() { register.Plugin("kalint", New) }

// Settings is the `settings` section of kalint in .golangci.yml: one field
// per analyzer of analyzers.All(), keyed by the analyzer's name.
//
// Fields are in the order of analyzers.All(). To add an analyzer, add a
// field here and a settings type below whose build
// method calls the analyzer's New; plugin_test.go fails until both exist and
// every flag of the analyzer has a setting.
type Settings struct {
	ServerIdle     ServerIdle     `json:"serveridle"`
	IdlePerHost    IdlePerHost    `json:"idleperhost"`
	RespBody       RespBody       `json:"respbody"`
	TransportReuse TransportReuse `json:"transportreuse"`
	DialKeepAlive  DialKeepAlive  `json:"dialkeepalive"`
	PostRetry      PostRetry      `json:"postretry"`
	KeepAlivesOff  KeepAlivesOff  `json:"keepalivesoff"`
	ConnFile       ConnFile       `json:"connfile"`
}

// ServerIdle configures serveridle.
type ServerIdle struct {
	Disable     bool   `json:"disable"`
	IdleTimeout string `json:"idle-timeout"` // a time.Duration, e.g. "2m"
}

func (s ServerIdle) disabled() bool { return s.Disable }

func (s ServerIdle) build() (*analysis.Analyzer, error) {
	d, err := duration("serveridle.idle-timeout", s.IdleTimeout)
	if err != nil {
		return nil, err
	}
	return serveridle.New(serveridle.Options{IdleTimeout: d}), nil
}

// RespBody configures respbody.
type RespBody struct {
	Disable bool   `json:"disable"`
	Drain   string `json:"drain"` // "read" (default) or "strict"
}

func (s RespBody) disabled() bool { return s.Disable }

func (s RespBody) build() (*analysis.Analyzer, error) {
	return respbody.New(respbody.Options{Drain: s.Drain}), nil
}

// DialKeepAlive configures dialkeepalive.
type DialKeepAlive struct {
	Disable         bool   `json:"disable"`
	MinKeepAlive    string `json:"min-keep-alive"`    // a time.Duration
	IdleConnTimeout string `json:"idle-conn-timeout"` // a time.Duration
}

func (s DialKeepAlive) disabled() bool { return s.Disable }

func (s DialKeepAlive) build() (*analysis.Analyzer, error) {
	minKeepAlive, err := duration("dialkeepalive.min-keep-alive", s.MinKeepAlive)
	if err != nil {
		return nil, err
	}
	idle, err := duration("dialkeepalive.idle-conn-timeout", s.IdleConnTimeout)
	if err != nil {
		return nil, err
	}
	return dialkeepalive.New(dialkeepalive.Options{MinKeepAlive: minKeepAlive, IdleConnTimeout: idle}), nil
}

// PostRetry configures postretry.
type PostRetry struct {
	Disable bool     `json:"disable"`
	Methods []string `json:"methods"` // default POST, PATCH
	Tests   bool     `json:"tests"`
}

func (s PostRetry) disabled() bool { return s.Disable }

func (s PostRetry) build() (*analysis.Analyzer, error) {
	a := postretry.New(postretry.Options{Tests: s.Tests})
	if s.Methods != nil {
		// The flag validates the list exactly as on the command line.
		if err := a.Flags.Set("methods", strings.Join(s.Methods, ",")); err != nil {
			return nil, fmt.Errorf("postretry.methods: %v", err)
		}
	}
	return a, nil
}

// KeepAlivesOff configures keepalivesoff.
type KeepAlivesOff struct {
	Disable bool `json:"disable"`
	Tests   bool `json:"tests"`
}

func (s KeepAlivesOff) disabled() bool { return s.Disable }

func (s KeepAlivesOff) build() (*analysis.Analyzer, error) {
	return keepalivesoff.New(keepalivesoff.Options{Tests: s.Tests}), nil
}

// ConnFile configures connfile, which has no options.
type ConnFile struct {
	Disable bool `json:"disable"`
}

func (s ConnFile) disabled() bool { return s.Disable }

func (s ConnFile) build() (*analysis.Analyzer, error) {
	return connfile.New(connfile.Options{}), nil
}

// IdlePerHost configures idleperhost.
type IdlePerHost struct {
	Disable        bool `json:"disable"`
	MaxIdlePerHost int  `json:"max-idle-per-host"` // what the fix sets; 0 means 100
}

func (s IdlePerHost) disabled() bool { return s.Disable }

func (s IdlePerHost) build() (*analysis.Analyzer, error) {
	if s.MaxIdlePerHost < 0 {
		return nil, fmt.Errorf("idleperhost.max-idle-per-host must be positive, got %d", s.MaxIdlePerHost)
	}
	return idleperhost.New(idleperhost.Options{MaxIdlePerHost: s.MaxIdlePerHost}), nil
}

// TransportReuse configures transportreuse.
type TransportReuse struct {
	Disable bool `json:"disable"`
	Tests   bool `json:"tests"`  // also report in test code
	Strict  bool `json:"strict"` // also report per-call transports whose idle connections are closed
}

func (s TransportReuse) disabled() bool { return s.Disable }

func (s TransportReuse) build() (*analysis.Analyzer, error) {
	return transportreuse.New(transportreuse.Options{Tests: s.Tests, Strict: s.Strict}), nil
}

// analyzerSettings is what every field of Settings implements.
type analyzerSettings interface {
	disabled() bool
	build() (*analysis.Analyzer, error)
}

// duration parses an optional positive duration setting; "" is zero, which
// New reads as the analyzer's default.
func duration(key, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%s: %v", key, err)
	}
	if d <= 0 {
		return 0, fmt.Errorf("%s must be positive, got %q", key, s)
	}
	return d, nil
}

type plugin struct {
	settings Settings
}

// New decodes kalint's settings from golangci-lint's configuration.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		// DecodeSettings rejects unknown keys; name the valid ones.
		return nil, fmt.Errorf("kalint settings: %w (valid keys: %s)", err, validKeys())
	}
	return &plugin{settings: s}, nil
}

// BuildAnalyzers builds a fresh instance of every enabled analyzer.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	var list []*analysis.Analyzer
	v := reflect.ValueOf(p.settings)
	for i := range v.NumField() {
		s := v.Field(i).Interface().(analyzerSettings)
		if s.disabled() {
			continue
		}
		a, err := s.build()
		if err != nil {
			return nil, fmt.Errorf("kalint settings: %w", err)
		}
		list = append(list, a)
	}
	return list, nil
}

// GetLoadMode asks for type information: every analyzer needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// validKeys lists the settings as analyzer.key, for error messages.
func validKeys() string {
	var keys []string
	t := reflect.TypeFor[Settings]()
	for i := range t.NumField() {
		name := t.Field(i).Tag.Get("json")
		sub := t.Field(i).Type
		for j := range sub.NumField() {
			keys = append(keys, name+"."+sub.Field(j).Tag.Get("json"))
		}
	}
	return strings.Join(keys, ", ")
}
