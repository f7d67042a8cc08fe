// Package percall switches keep-alives off where no request repeats on a
// connection: a transport made for one call and used once in another
// function, a loop that sends again only after a failure, and a short-lived
// challenge server stopped by closing its listener.
package percall

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Checker probes URLs, each with a client of its own.
type Checker struct{ timeout time.Duration }

func (c *Checker) newClient() *http.Client {
	return &http.Client{Timeout: c.timeout, Transport: &http.Transport{DisableKeepAlives: true}}
}

// Probe makes one client per call and sends once through it, in check.
func (c *Checker) Probe(ctx context.Context, url string) error {
	return c.check(ctx, c.newClient(), url)
}

func (c *Checker) check(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ProbeAll sends through one client per call, but many times.
func (c *Checker) ProbeAll(ctx context.Context, urls []string) error {
	return c.checkAll(ctx, c.newClientForAll(), urls)
}

func (c *Checker) newClientForAll() *http.Client {
	return &http.Client{Timeout: c.timeout, Transport: &http.Transport{DisableKeepAlives: true}} // want `sets DisableKeepAlives and sends more than one request`
}

func (c *Checker) checkAll(ctx context.Context, client *http.Client, urls []string) error {
	for _, url := range urls {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	return nil
}

// Notify retries a failed send on a client of its own: after a failure
// there is no connection to reuse, so each request is one attempt on a
// fresh connection.
func Notify(req *http.Request) error {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Do(req)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		return resp.Body.Close()
	}
	return errors.New("notify: gave up")
}

// Poll sends again after a success too.
func Poll(req *http.Request, stop <-chan struct{}) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // want `sets DisableKeepAlives and sends more than one request`
	for {
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		select {
		case <-stop:
			return
		case <-time.After(time.Second):
		}
	}
}

// ChallengeServer answers one ACME http-01 challenge: it is started for
// the challenge and stopped by closing its listener.
type ChallengeServer struct {
	listener net.Listener
	done     chan struct{}
}

func (s *ChallengeServer) Present(token string) error {
	var err error
	s.listener, err = net.Listen("tcp", ":80")
	if err != nil {
		return err
	}
	s.done = make(chan struct{})
	go s.serve(token)
	return nil
}

func (s *ChallengeServer) CleanUp() error {
	if s.listener == nil {
		return nil
	}
	s.listener.Close()
	<-s.done
	return nil
}

func (s *ChallengeServer) serve(token string) {
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/acme-challenge/"+token, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(token))
	})
	srv := &http.Server{Handler: mux}
	srv.SetKeepAlivesEnabled(false)
	_ = srv.Serve(s.listener)
	close(s.done)
}

// APIServer is a long-lived server: its listener is never closed here.
type APIServer struct{ listener net.Listener }

func (s *APIServer) Start() error {
	var err error
	s.listener, err = net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	go s.serve()
	return nil
}

func (s *APIServer) serve() {
	srv := &http.Server{Handler: http.NotFoundHandler()}
	srv.SetKeepAlivesEnabled(false) // want `http.Server disables keep-alives outside shutdown`
	_ = srv.Serve(s.listener)
}

// probe serves until one probe is answered, then closes its listener.
func probe(answered chan struct{}) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(answered)
	})}
	srv.SetKeepAlivesEnabled(false)
	go srv.Serve(ln)
	<-answered
	return ln.Close()
}

// runServer closes its listener only when Serve has returned: that is no
// way to stop it, and it serves with keep-alives off all its life.
func runServer(ln net.Listener) error {
	defer ln.Close()
	srv := &http.Server{Handler: http.NotFoundHandler()}
	srv.SetKeepAlivesEnabled(false) // want `http.Server disables keep-alives outside shutdown`
	return srv.Serve(ln)
}
