// Package storepb stands for thanos-io/thanos's pkg/store/storepb and the
// gRPC server it is registered with: a StoreServer answers the Store API
// calls of queriers, and the gRPC server runs every call in a goroutine of
// its own, so one StoreServer serves many calls at once.
package storepb

import (
	"context"
	"net"
	"sync"
)

// LabelMatcher selects series by a label.
type LabelMatcher struct {
	Name, Value string
}

// SeriesRequest asks for the series matching Matchers between MinTime and
// MaxTime.
type SeriesRequest struct {
	MinTime, MaxTime int64
	Matchers         []LabelMatcher
}

// Series is one series of a SeriesResponse.
type Series struct {
	Labels map[string]string
	Data   []byte
}

// SeriesServer streams the answer to a Series call.
type SeriesServer interface {
	Context() context.Context
	Send(*Series) error
}

// StoreServer is the Store API.
type StoreServer interface {
	Series(*SeriesRequest, SeriesServer) error
	LabelNames(ctx context.Context) ([]string, error)
	LabelValues(ctx context.Context, label string) ([]string, error)
}

// Server is a gRPC server.
type Server struct {
	mu     sync.Mutex
	stores []StoreServer
}

// RegisterStoreServer registers srv's Store API with s.
func RegisterStoreServer(s *Server, srv StoreServer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stores = append(s.stores, srv)
}

// Serve accepts connections on l; the calls they carry are served
// concurrently (not modelled here).
func (s *Server) Serve(l net.Listener) error {
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		c.Close()
	}
}
