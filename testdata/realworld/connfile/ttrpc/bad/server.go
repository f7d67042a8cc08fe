//go:build linux

package bad

import (
	"context"
	"log"
	"net"
)

// Handshaker confirms or decorates a connection when it is first made.
type Handshaker interface {
	Handshake(ctx context.Context, conn net.Conn) (net.Conn, interface{}, error)
}

// Server serves ttrpc connections.
type Server struct {
	handshaker Handshaker
	handle     func(net.Conn, interface{})
}

// NewServer returns a server that checks each connection with h.
func NewServer(h Handshaker, handle func(net.Conn, interface{})) *Server {
	return &Server{handshaker: h, handle: handle}
}

// Serve accepts connections on l until it fails.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	for {
		conn, err := l.Accept()
		if err != nil {
			return err
		}
		approved, handshake, err := s.handshaker.Handshake(ctx, conn)
		if err != nil {
			log.Printf("ttrpc: refusing connection after handshake: %v", err)
			conn.Close()
			continue
		}
		go s.handle(approved, handshake)
	}
}
