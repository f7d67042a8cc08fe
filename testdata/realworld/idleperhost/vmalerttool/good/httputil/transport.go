// Package httputil builds the transports of VictoriaMetrics' components.
package httputil

import (
	"crypto/tls"
	"net/http"
)

// NewTransport returns a clone of http.DefaultTransport with HTTP/2 off;
// callers may change its settings before use.
func NewTransport() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.ForceAttemptHTTP2 = false
	tr.TLSNextProto = nil
	if tr.TLSClientConfig == nil {
		tr.TLSClientConfig = &tls.Config{}
	}
	tr.TLSClientConfig.NextProtos = []string{"http/1.1"}
	return tr
}

// NewTLSTransport is NewTransport with a TLS configuration.
func NewTLSTransport(serverName string, insecureSkipVerify bool) *http.Transport {
	tr := NewTransport()
	tr.TLSClientConfig.ServerName = serverName
	tr.TLSClientConfig.InsecureSkipVerify = insecureSkipVerify
	return tr
}
