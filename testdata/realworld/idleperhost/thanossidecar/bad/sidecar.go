// Package bad is the shape of thanos-io/thanos's cmd/thanos sidecar before
// PR #1969 (issue #1953): runSidecar builds the PrometheusStore without a
// client, so every Store API call the gRPC server runs (concurrently, one
// goroutine per call) reaches the one local Prometheus through
// http.DefaultTransport and its 2 idle connections per host. At the
// issue's 1.7k queries a second the other connections were closed after
// each request and the machines ran low on ports held in TIME_WAIT. The
// kingpin flags, the object-storage shipper and the readiness probes are
// left out.
package bad

import (
	"flag"
	"log"
	"net"
	"net/url"
	"os"

	"example.com/realworld/idleperhost/thanossidecar/bad/store"
	"example.com/realworld/idleperhost/thanossidecar/bad/storepb"
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	promURL, err := url.Parse(*promURLStr)
	if err != nil {
		return err
	}
	return runSidecar(log.New(os.Stderr, "sidecar ", log.LstdFlags), promURL, *grpcAddr)
}

func runSidecar(logger *log.Logger, promURL *url.URL, grpcAddr string) error {
	m := &promMetadata{promURL: promURL, labels: map[string]string{}}

	promStore, err := store.NewPrometheusStore(logger, nil, promURL, m.Labels)
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
