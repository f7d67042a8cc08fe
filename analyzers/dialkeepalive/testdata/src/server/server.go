package server

import (
	"context"
	"net"
	"net/http"
	"time"
)

func listenConfig(ctx context.Context, h http.Handler) error {
	lc := net.ListenConfig{KeepAlive: 10 * time.Second} // want `net.ListenConfig.KeepAlive sets TCP keep-alive probes, not HTTP idle time; this http.Server never closes idle connections`
	ln, err := lc.Listen(ctx, "tcp", ":8080")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(ln)
}

func listenConfigGood(ctx context.Context, h http.Handler) error {
	lc := net.ListenConfig{KeepAlive: 10 * time.Second}
	ln, err := lc.Listen(ctx, "tcp", ":8080")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, IdleTimeout: time.Minute}
	return srv.Serve(ln)
}

func readTimeoutGood(ctx context.Context, h http.Handler) error {
	lc := net.ListenConfig{KeepAlive: 10 * time.Second}
	ln, err := lc.Listen(ctx, "tcp", ":8080")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadTimeout: time.Minute}
	return srv.Serve(ln)
}

func packageServe(ctx context.Context, h http.Handler) error {
	lc := &net.ListenConfig{}
	lc.KeepAliveConfig = net.KeepAliveConfig{Enable: true} // want `net.ListenConfig.KeepAliveConfig sets TCP keep-alive probes`
	ln, err := lc.Listen(ctx, "tcp", ":8080")
	if err != nil {
		return err
	}
	return http.Serve(ln, h)
}

func packageServeOff(ctx context.Context, h http.Handler) error {
	lc := &net.ListenConfig{KeepAlive: -1}
	ln, err := lc.Listen(ctx, "tcp", ":8080")
	if err != nil {
		return err
	}
	return http.Serve(ln, h)
}

// Not an HTTP server.
func rawServer(ctx context.Context) (net.Listener, error) {
	lc := net.ListenConfig{KeepAlive: 10 * time.Second}
	return lc.Listen(ctx, "tcp", ":9000")
}

// The classic keep-alive listener.
type keepAliveListener struct{ *net.TCPListener }

func (l keepAliveListener) Accept() (net.Conn, error) {
	tc, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	tc.SetKeepAlive(true) // want `net.TCPConn.SetKeepAlive sets TCP keep-alive probes, not HTTP idle time; this http.Server never closes idle connections`
	tc.SetKeepAlivePeriod(3 * time.Minute)
	return tc, nil
}

func custom(ln *net.TCPListener, h http.Handler) error {
	srv := &http.Server{Handler: h}
	return srv.Serve(keepAliveListener{ln})
}

// The same listener type, served with an IdleTimeout.
type goodListener struct{ *net.TCPListener }

func (l goodListener) Accept() (net.Conn, error) {
	tc, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	tc.SetKeepAlivePeriod(3 * time.Minute)
	return tc, nil
}

func customGood(ln *net.TCPListener, h http.Handler) error {
	srv := &http.Server{Handler: h, IdleTimeout: 2 * time.Minute}
	return srv.Serve(goodListener{ln})
}

// A listener that turns probes off.
type offListener struct{ *net.TCPListener }

func (l offListener) Accept() (net.Conn, error) {
	tc, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	tc.SetKeepAlive(false)
	return tc, nil
}

func customOff(ln *net.TCPListener, h http.Handler) error {
	return http.Serve(offListener{ln}, h)
}

// A server whose keep-alives are off: idle timeouts are moot.
type kaListener struct{ *net.TCPListener }

func (l kaListener) Accept() (net.Conn, error) {
	tc, err := l.AcceptTCP()
	if err != nil {
		return nil, err
	}
	tc.SetKeepAlivePeriod(time.Minute)
	return tc, nil
}

func keepAlivesOff(ln *net.TCPListener, h http.Handler) error {
	srv := &http.Server{Handler: h}
	srv.SetKeepAlivesEnabled(false)
	return srv.Serve(kaListener{ln})
}
