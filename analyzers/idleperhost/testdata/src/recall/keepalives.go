package recall

import (
	"flag"
	"net/http"

	"recall/settings"
)

// jjmrocha/beast#43: DisableKeepAlives set from another package's field
// that this package never sets: false unless that package says otherwise,
// so keep-alives are on and the idle pool is judged.
type Stress struct {
	hc *http.Client
}

func NewStress(cfg *settings.Config) *Stress {
	tr := &http.Transport{DisableKeepAlives: cfg.DisableKeepAlives} // want `every request goes to api.internal:8080 `
	return &Stress{hc: &http.Client{Transport: tr}}
}

func (s *Stress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

// The good twins: the package sets the field true, or lets a flag set it,
// or the field is the package's own (set maybe where nothing is built).
type OffStress struct{ hc *http.Client }

func (s *OffStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewOffStress(cfg *settings.Config) *OffStress {
	tr := &http.Transport{DisableKeepAlives: cfg.NoKeepAlives}
	return &OffStress{hc: &http.Client{Transport: tr}}
}

func Quick(cfg *settings.Config) { cfg.NoKeepAlives = true }

type FlagStress struct{ hc *http.Client }

func (s *FlagStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewFlagStress(cfg *settings.Config) *FlagStress {
	tr := &http.Transport{DisableKeepAlives: cfg.KeepAlivesOff}
	return &FlagStress{hc: &http.Client{Transport: tr}}
}

func Flags(cfg *settings.Config) { flag.BoolVar(&cfg.KeepAlivesOff, "no-keepalive", false, "") }

type ownConfig struct{ off bool }

type OwnStress struct{ hc *http.Client }

func (s *OwnStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewOwnStress(cfg *ownConfig) *OwnStress {
	tr := &http.Transport{DisableKeepAlives: cfg.off}
	return &OwnStress{hc: &http.Client{Transport: tr}}
}

// Set to false only: still on.
type PlainStress struct{ hc *http.Client }

func (s *PlainStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewPlainStress(cfg *settings.Config) *PlainStress {
	tr := &http.Transport{DisableKeepAlives: cfg.Plain} // want `every request goes to api.internal:8080 `
	return &PlainStress{hc: &http.Client{Transport: tr}}
}

func Reset(cfg *settings.Config) { cfg.Plain = false }
