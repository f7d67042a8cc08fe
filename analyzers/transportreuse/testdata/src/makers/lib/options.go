package lib

import (
	"crypto/tls"
	"net/http"
)

// Options are NewOptionsClient's settings, set by Option functions.
type Options struct {
	Insecure         bool
	DisableKeepAlive bool
}

// An Option sets one of the Options.
type Option func(*Options)

// WithInsecure skips certificate checks.
func WithInsecure(v bool) Option { return func(o *Options) { o.Insecure = v } }

// NewOptionsClient's keep-alives follow a field that none of lib's
// options sets (cs3org/reva's rhttp.GetHTTPClient): on, unless a caller's
// package sets it.
func NewOptionsClient(opts ...Option) *http.Client { // want NewOptionsClient:`makes a transport at every call \(result 0, idle expire true, keep-alives off false, unless the caller sets makers/lib.Options.DisableKeepAlive\)`
	var o Options
	for _, opt := range opts {
		opt(&o)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = o.DisableKeepAlive
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: o.Insecure}
	return &http.Client{Transport: tr}
}

// Settings are NewSettingsClient's, and lib's own option can turn
// keep-alives off.
type Settings struct{ NoKeepAlive bool }

// A SettingsOption sets one of the Settings.
type SettingsOption func(*Settings)

// WithoutKeepAlive turns keep-alives off.
func WithoutKeepAlive() SettingsOption { return func(s *Settings) { s.NoKeepAlive = true } }

// NewSettingsClient's keep-alives may be off.
func NewSettingsClient(opts ...SettingsOption) *http.Client { // want NewSettingsClient:`makes a transport at every call \(result 0, idle expire true, keep-alives off true\)`
	var s Settings
	for _, opt := range opts {
		opt(&s)
	}
	return &http.Client{Transport: &http.Transport{DisableKeepAlives: s.NoKeepAlive, IdleConnTimeout: 90e9}}
}
