// Package good is thanos-io/thanos's cmd/thanos sidecar after PR #1969:
// runSidecar builds a transport whose MaxIdleConnsPerHost comes from the
// new --receive.connection-pool-size-per-host flag (default 100) and
// MaxIdleConns from --receive.connection-pool-size (default 0, no limit),
// and gives the PrometheusStore a client on it.
package good

import (
	"flag"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"

	"example.com/realworld/idleperhost/thanossidecar/good/exthttp"
	"example.com/realworld/idleperhost/thanossidecar/good/store"
	"example.com/realworld/idleperhost/thanossidecar/good/storepb"
	"example.com/realworld/idleperhost/thanossidecar/good/tracing"
)

type promMetadata struct {
	promURL *url.URL
	labels  map[string]string
}

func (m *promMetadata) Labels() map[string]string { return m.labels }

// Main parses the sidecar's flags and runs it.
func Main(args []string) error {
	fs := flag.NewFlagSet("sidecar", flag.ContinueOnError)
	promURLStr := fs.String("prometheus.url", "http://localhost:9090", "URL at which to reach Prometheus's API.")
	grpcAddr := fs.String("grpc-address", "0.0.0.0:10901", "Listen address for the Store API.")
	connectionPoolSize := fs.Int("receive.connection-pool-size", 0, "Controls the http MaxIdleConns. Default is 0, which is unlimited")
	connectionPoolSizePerHost := fs.Int("receive.connection-pool-size-per-host", 100, "Controls the http MaxIdleConnsPerHost")
	if err := fs.Parse(args); err != nil {
		return err
	}
	promURL, err := url.Parse(*promURLStr)
	if err != nil {
		return err
	}
	return runSidecar(log.New(os.Stderr, "sidecar ", log.LstdFlags), promURL, *grpcAddr, *connectionPoolSize, *connectionPoolSizePerHost)
}

func runSidecar(logger *log.Logger, promURL *url.URL, grpcAddr string, connectionPoolSize, connectionPoolSizePerHost int) error {
	m := &promMetadata{promURL: promURL, labels: map[string]string{}}

	t := exthttp.NewTransport()
	t.MaxIdleConnsPerHost = connectionPoolSizePerHost
	t.MaxIdleConns = connectionPoolSize
	c := &http.Client{Transport: tracing.HTTPTripperware(logger, t)}

	promStore, err := store.NewPrometheusStore(logger, c, promURL, m.Labels)
	if err != nil {
		return err
	}

	l, err := net.Listen("tcp", grpcAddr)
	if err != nil {
		return err
	}
	s := &storepb.Server{}
	storepb.RegisterStoreServer(s, promStore)
	return s.Serve(l)
}
