// Package cleanhttp is a stub of github.com/hashicorp/go-cleanhttp: the
// signatures and what each makes, as v0.5.2 does.
package cleanhttp

import "net/http"

// DefaultTransport turns keep-alives off.
func DefaultTransport() *http.Transport {
	t := DefaultPooledTransport()
	t.DisableKeepAlives = true
	return t
}

func DefaultPooledTransport() *http.Transport { return &http.Transport{} }

func DefaultClient() *http.Client { return &http.Client{Transport: DefaultTransport()} }

func DefaultPooledClient() *http.Client {
	return &http.Client{Transport: DefaultPooledTransport()}
}
