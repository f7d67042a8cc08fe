// Package good is the http_client package after PR #1526: the HTTP/2
// transport pings a connection on which no frame arrived for 20 seconds
// and closes it when the answer takes more than 15.
package good

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/net/http2"
)

// getTLSConfig returns a tls.Config with the system cert pool and the
// development CA, if there is one.
func getTLSConfig(ctx context.Context) *tls.Config {
	log := slog.Default()
	sysCerts, err := x509.SystemCertPool()
	if err != nil {
		log.WarnContext(ctx, "getTLSConfig Error loading system certs", "err", err)
		return nil
	}
	homeDir, err := os.UserHomeDir()
	if err != nil {
		log.WarnContext(ctx, "getTLSConfig Failed to get user home directory", "err", err)
		return nil
	}
	caPEM, err := os.ReadFile(filepath.Join(homeDir, "river-ca-cert.pem"))
	if err != nil {
		return nil
	}
	log.WarnContext(ctx, "getTLSConfig using river CA cert file for development only")
	if ok := sysCerts.AppendCertsFromPEM(caPEM); !ok {
		log.ErrorContext(ctx, "Failed to append river CA cert to system cert pool")
		return nil
	}
	return &tls.Config{RootCAs: sysCerts}
}

// GetHttpClient returns an HTTP/2 client with the TLS configuration.
func GetHttpClient(ctx context.Context) (*http.Client, error) {
	return &http.Client{
		Transport: &http2.Transport{
			TLSClientConfig: getTLSConfig(ctx),
			ReadIdleTimeout: 20 * time.Second, // ping a connection idle that long
			PingTimeout:     15 * time.Second, // and close it if no answer comes in time
		},
	}, nil
}

// GetHttp11Client returns an HTTP/1.1 client without keep-alives.
func GetHttp11Client(ctx context.Context) (*http.Client, error) {
	return &http.Client{
		Transport: &http.Transport{
			DisableKeepAlives: true,
			TLSClientConfig:   getTLSConfig(ctx),
			ForceAttemptHTTP2: false,
			TLSNextProto:      map[string]func(authority string, c *tls.Conn) http.RoundTripper{},
		},
	}, nil
}
