// Package bad is the shape of ngmoco/falcore's Server before PR #49: with
// sendfile on (Linux, the BSDs), after writing each response on a
// keep-alive connection the server flushes the corked socket in
// cycleNonBlock, which gets the descriptor from TCPConn.File and its Fd
// to toggle TCP_CORK. That duplicate's Fd puts the shared socket in
// blocking mode, so from the first response on every read and write of
// the connection blocked an OS thread, and under load the server leaked
// threads (8 MB of stack each) and broke hot restart.
package bad

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"sync"
)

// Handler answers one request.
type Handler func(req *http.Request) *http.Response

// Server is falcore's HTTP server.
type Server struct {
	Addr             string
	Handler          Handler
	listener         net.Listener
	listenerFile     *os.File
	stopAccepting    chan int
	handlerWaitGroup sync.WaitGroup
	sendfile         bool
	sockOpt          int
}

// NewServer returns a server on port.
func NewServer(port int, handler Handler) *Server {
	s := &Server{Addr: fmt.Sprintf(":%v", port), Handler: handler, stopAccepting: make(chan int)}
	switch runtime.GOOS {
	case "linux":
		s.sendfile = true
		s.sockOpt = 0x3 // TCP_CORK
	case "freebsd", "darwin":
		s.sendfile = true
		s.sockOpt = 0x4 // TCP_NOPUSH
	}
	return s
}

func (srv *Server) socketListen() error {
	la, err := net.ResolveTCPAddr("tcp", srv.Addr)
	if err != nil {
		return err
	}
	l, err := net.ListenTCP("tcp", la)
	if err != nil {
		return err
	}
	srv.listener = l
	return srv.setupNonBlockingListener(err, l)
}

// ListenAndServe listens on Addr and serves connections until StopAccepting.
func (srv *Server) ListenAndServe() error {
	if srv.listener == nil {
		if err := srv.socketListen(); err != nil {
			return err
		}
	}
	return srv.serve()
}

// SocketFd is the listening socket's descriptor, handed to the new
// process on a hot restart.
func (srv *Server) SocketFd() int {
	return int(srv.listenerFile.Fd())
}

// StopAccepting makes the server stop accepting and finish its connections.
func (srv *Server) StopAccepting() {
	close(srv.stopAccepting)
}

func (srv *Server) serve() error {
	for {
		c, err := srv.listener.Accept()
		if err != nil {
			select {
			case <-srv.stopAccepting:
				srv.handlerWaitGroup.Wait()
				return nil
			default:
				return err
			}
		}
		srv.handlerWaitGroup.Add(1)
		go func() {
			defer srv.handlerWaitGroup.Done()
			defer c.Close()
			srv.handler(c)
		}()
	}
}

// handler serves the requests of one connection, keeping it alive while
// the client asks for that.
func (srv *Server) handler(c net.Conn) {
	br := bufio.NewReader(c)
	keepAlive := true
	for keepAlive {
		req, err := http.ReadRequest(br)
		if err != nil {
			if err != io.EOF {
				log.Printf("%v ERROR reading request: %v", c.RemoteAddr(), err)
			}
			return
		}
		if req.Header.Get("Connection") != "Keep-Alive" {
			keepAlive = false
		}
		res := srv.Handler(req)
		if res == nil {
			res = &http.Response{StatusCode: http.StatusNotFound, ProtoMajor: 1, ProtoMinor: 1, Request: req}
		}
		req.Body.Close()

		select {
		case <-srv.stopAccepting:
			keepAlive = false
			res.Close = true
		default:
		}

		if srv.sendfile {
			res.Write(c)
			srv.cycleNonBlock(c)
		} else {
			wbuf := bufio.NewWriter(c)
			res.Write(wbuf)
			wbuf.Flush()
		}
		if res.Body != nil {
			res.Body.Close()
		}
		if res.Close {
			keepAlive = false
		}
	}
}
