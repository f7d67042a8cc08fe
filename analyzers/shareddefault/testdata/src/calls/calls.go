// Package calls changes the default transport in place through calls.
package calls

import (
	"net/http"

	"golang.org/x/net/http2"
)

func Files() {
	http.DefaultTransport.(*http.Transport).RegisterProtocol("file", http.NewFileTransport(http.Dir("/"))) // want `http.DefaultTransport.\(\*http.Transport\).RegisterProtocol changes http.DefaultTransport \(every client without its own transport shares it\)`
}

func FilesClone() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.RegisterProtocol("file", http.NewFileTransport(http.Dir("/")))
	return &http.Client{Transport: t}
}

func H2() error {
	return http2.ConfigureTransport(http.DefaultTransport.(*http.Transport)) // want `http2.ConfigureTransport changes http.DefaultTransport`
}

func H2Clone() (*http.Transport, error) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	return t, http2.ConfigureTransport(t)
}

func H2s() (*http2.Transport, error) {
	t := http.DefaultTransport.(*http.Transport)
	return http2.ConfigureTransports(t) // want `http2.ConfigureTransports changes http.DefaultTransport`
}

func H2sOwn() (*http2.Transport, error) {
	return http2.ConfigureTransports(&http.Transport{})
}

// Reads of the transport through its methods change nothing.
func Idle() {
	http.DefaultTransport.(*http.Transport).CloseIdleConnections()
}
