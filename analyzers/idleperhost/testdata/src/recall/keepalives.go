package recall

import (
	"flag"
	"net/http"

	"recall/settings"
)

// DisableKeepAlives from a setting (jjmrocha/beast#43): whatever the
// configuration's package, the flags or this package do with the field,
// keep-alives are on in the runs where it is false, and there the idle
// pool is judged.
type Stress struct {
	hc *http.Client
}

func NewStress(cfg *settings.Config) *Stress {
	tr := &http.Transport{DisableKeepAlives: cfg.DisableKeepAlives} // want `every request goes to api.internal:8080 `
	return &Stress{hc: &http.Client{Transport: tr}}
}

func (s *Stress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

// Set true by the package in one mode, or by a flag: on in the others.
type OffStress struct{ hc *http.Client }

func (s *OffStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewOffStress(cfg *settings.Config) *OffStress {
	tr := &http.Transport{DisableKeepAlives: cfg.NoKeepAlives} // want `every request goes to api.internal:8080 `
	return &OffStress{hc: &http.Client{Transport: tr}}
}

func Quick(cfg *settings.Config) { cfg.NoKeepAlives = true }

type FlagStress struct{ hc *http.Client }

func (s *FlagStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewFlagStress(cfg *settings.Config) *FlagStress {
	tr := &http.Transport{DisableKeepAlives: cfg.KeepAlivesOff} // want `every request goes to api.internal:8080 `
	return &FlagStress{hc: &http.Client{Transport: tr}}
}

func Flags(cfg *settings.Config) { flag.BoolVar(&cfg.KeepAlivesOff, "no-keepalive", false, "") }

type ownConfig struct{ off bool }

type OwnStress struct{ hc *http.Client }

func (s *OwnStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewOwnStress(cfg *ownConfig) *OwnStress {
	tr := &http.Transport{DisableKeepAlives: cfg.off} // want `every request goes to api.internal:8080 `
	return &OwnStress{hc: &http.Client{Transport: tr}}
}

// google/cloudprober#647: keep-alives off unless configured on, by a
// store under a condition.
type Probe struct{ hc *http.Client }

func (p *Probe) Hit() (*http.Response, error) { return p.hc.Get("http://api.internal:8080/") }

func NewProbe(keepAlive bool) *Probe {
	tr := &http.Transport{} // want `every request goes to api.internal:8080 `
	if !keepAlive {
		tr.DisableKeepAlives = true
	}
	return &Probe{hc: &http.Client{Transport: tr}}
}

// The good twins: off in every run, by a store on every path or by a
// helper that every call in the package gives true.
func NewOffProbe(keepAlive bool) *Probe {
	tr := &http.Transport{}
	if !keepAlive {
		tr.IdleConnTimeout = 1
	}
	tr.DisableKeepAlives = true
	return &Probe{hc: &http.Client{Transport: tr}}
}

func offTransport(off bool) *http.Transport { return &http.Transport{DisableKeepAlives: off} }

func NewHelperProbe() *Probe { return &Probe{hc: &http.Client{Transport: offTransport(true)}} }

func NewOtherHelperProbe() *Probe { return &Probe{hc: &http.Client{Transport: offTransport(true)}} }

// The field's address handed to a flag: the flag may set it in any run.
func NewFlagProbe() *Probe {
	tr := &http.Transport{}
	flag.BoolVar(&tr.DisableKeepAlives, "no-keepalive", true, "")
	return &Probe{hc: &http.Client{Transport: tr}}
}

// Set to false only: on.
type PlainStress struct{ hc *http.Client }

func (s *PlainStress) Hit() (*http.Response, error) { return s.hc.Get("http://api.internal:8080/") }

func NewPlainStress(cfg *settings.Config) *PlainStress {
	tr := &http.Transport{DisableKeepAlives: cfg.Plain} // want `every request goes to api.internal:8080 `
	return &PlainStress{hc: &http.Client{Transport: tr}}
}

func Reset(cfg *settings.Config) { cfg.Plain = false }

// Keep-alives turned off by one caller of the constructor only
// (hashicorp/go-cleanhttp's DefaultTransport over DefaultPooledTransport):
// the other callers' transports keep them, and are judged.
type Pooled struct{ hc *http.Client }

func (p *Pooled) Hit() (*http.Response, error) { return p.hc.Get("http://api.internal:8080/") }

func pooledTransport() *http.Transport {
	return &http.Transport{} // want `every request goes to api.internal:8080 `
}

func NewPooled() *Pooled { return &Pooled{hc: &http.Client{Transport: pooledTransport()}} }

func NewUnpooled() *Pooled {
	t := pooledTransport()
	t.DisableKeepAlives = true
	return &Pooled{hc: &http.Client{Transport: t}}
}
