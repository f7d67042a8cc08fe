package recall

import (
	"net/http"

	"golang.org/x/net/http2"
)

// RedTeamPentesting/monsoon#3: http2.ConfigureTransport only turns HTTP/2
// on; the transport's idle pool is the package's to judge.
type Fuzzer struct {
	hc *http.Client
}

func NewFuzzer() (*Fuzzer, error) {
	tr := &http.Transport{} // want `every request goes to target.internal:8443 `
	if err := http2.ConfigureTransport(tr); err != nil {
		return nil, err
	}
	return &Fuzzer{hc: &http.Client{Transport: tr}}, nil
}

func (f *Fuzzer) Try(word string) (*http.Response, error) {
	return f.hc.Get("https://target.internal:8443/" + word)
}

// The good twin keeps more idle connections per host.
type TunedFuzzer struct {
	hc *http.Client
}

func NewTunedFuzzer() (*TunedFuzzer, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: 16}
	if err := http2.ConfigureTransport(tr); err != nil {
		return nil, err
	}
	return &TunedFuzzer{hc: &http.Client{Transport: tr}}, nil
}

func (f *TunedFuzzer) Try(word string) (*http.Response, error) {
	return f.hc.Get("https://target.internal:8443/" + word)
}

// ConfigureTransports keeps the transport in the HTTP/2 transport it
// returns, configured apart: a hand-off.
type H2Fuzzer struct {
	hc *http.Client
	h2 *http2.Transport
}

func NewH2Fuzzer() (*H2Fuzzer, error) {
	tr := &http.Transport{}
	h2, err := http2.ConfigureTransports(tr)
	if err != nil {
		return nil, err
	}
	return &H2Fuzzer{hc: &http.Client{Transport: tr}, h2: h2}, nil
}

func (f *H2Fuzzer) Try(word string) (*http.Response, error) {
	return f.hc.Get("https://target.internal:8443/" + word)
}
