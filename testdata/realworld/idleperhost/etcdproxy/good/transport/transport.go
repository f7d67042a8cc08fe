// Package transport builds etcd's HTTP transports.
package transport

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// TLSInfo names the files of a TLS configuration.
type TLSInfo struct {
	CertFile, KeyFile, CAFile string
}

// ClientConfig returns the client TLS configuration, nil for plain HTTP.
func (info TLSInfo) ClientConfig() (*tls.Config, error) {
	if info.CertFile == "" {
		return nil, nil
	}
	cert, err := tls.LoadX509KeyPair(info.CertFile, info.KeyFile)
	if err != nil {
		return nil, err
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}}, nil
}

// NewTransport returns a transport with DefaultTransport's timeouts.
func NewTransport(info TLSInfo) (*http.Transport, error) {
	cfg, err := info.ClientConfig()
	if err != nil {
		return nil, err
	}
	t := &http.Transport{
		Dial: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).Dial,
		TLSHandshakeTimeout: 10 * time.Second,
		TLSClientConfig:     cfg,
	}
	return t, nil
}
