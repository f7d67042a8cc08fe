// Package bad is the shape of towns-protocol/towns's node http_client
// package before PR #1526: GetHttpClient gives the node's clients (the
// RPC clients to the other stream nodes, the registry and standby
// clients) an x/net http2.Transport with no ReadIdleTimeout, so a
// connection to a peer node that died silently kept taking streams until
// the kernel gave up on it.
package bad

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"

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
