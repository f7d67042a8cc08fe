package good

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

// NewTransportHttp2 builds the APNs transport for cert.
func NewTransportHttp2(cert tls.Certificate) (*http.Transport, error) {
	config := &tls.Config{Certificates: []tls.Certificate{cert}}
	transport := &http.Transport{
		TLSClientConfig:     config,
		MaxIdleConnsPerHost: ConfGaurun.Ios.KeepAliveConns,
		Dial: (&net.Dialer{
			Timeout:   time.Duration(ConfGaurun.Ios.Timeout) * time.Second,
			KeepAlive: time.Duration(ConfGaurun.Ios.KeepAliveTimeout) * time.Second,
		}).Dial,
		IdleConnTimeout: time.Duration(ConfGaurun.Ios.KeepAliveTimeout) * time.Second,
	}
	if err := http2.ConfigureTransport(transport); err != nil {
		return nil, err
	}
	return transport, nil
}

// NewApnsClientHttp2 loads the certificate and builds the APNs client.
func NewApnsClientHttp2(certPath, keyPath string) (*http.Client, error) {
	cert, err := tls.LoadX509KeyPair(certPath, keyPath)
	if err != nil {
		return nil, err
	}
	transport, err := NewTransportHttp2(cert)
	if err != nil {
		return nil, err
	}
	return &http.Client{
		Transport: transport,
		Timeout:   time.Duration(ConfGaurun.Ios.Timeout) * time.Second,
	}, nil
}
