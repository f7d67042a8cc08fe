package globals

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/net/http2"
)

// Helpers given the package-level values: a walk back from a parameter or
// a result reaches the global itself.

func sendWith(c *http.Client, t *http.Transport, req *http.Request) error {
	t.MaxIdleConnsPerHost = 20
	t.DisableKeepAlives = true
	c.Transport = t
	c.Timeout = time.Second
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func roundTripWith(rt http.RoundTripper, req *http.Request) error {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func serveWith(s *http.Server, lc *net.ListenConfig, d *net.Dialer) error {
	s.ReadTimeout = time.Second
	s.SetKeepAlivesEnabled(false)
	lc.KeepAlive = -1
	d.KeepAlive = -1
	ln, err := lc.Listen(context.Background(), "tcp", ":0")
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

func requestWith(req *http.Request, u *url.URL) {
	req.URL = u
	req.Close = true
	req.Header.Set("Connection", "close")
}

func fileOf(c *net.TCPConn) error {
	f, err := c.File()
	if err != nil {
		return err
	}
	return f.Close()
}

func readAll(r *http.Response) ([]byte, error) {
	defer r.Body.Close()
	return io.ReadAll(r.Body)
}

func h2With(t *http2.Transport, t1 *http.Transport) {
	t.ReadIdleTimeout = 0
	_ = http2.ConfigureTransport(t1)
}

func theTransport() *http.Transport { return &transport }

func theClient() *http.Client { return &client }

func theServer() *http.Server { return &server }

func theRequest() *http.Request { return &request }

func theResponse() *http.Response { return &response }

func theRoundTripper() http.RoundTripper { return &transport }

func passGlobals() error {
	if err := sendWith(&client, &transport, &request); err != nil {
		return err
	}
	if err := sendWith(pclient, ptransport, prequest); err != nil {
		return err
	}
	if err := sendWith(theClient(), theTransport(), theRequest()); err != nil {
		return err
	}
	if err := sendWith(&bundle.Client, &bundle.Transport, theRequest()); err != nil {
		return err
	}
	if err := sendWith(&clients[1], theTransport(), theRequest()); err != nil {
		return err
	}
	if err := roundTripWith(&transport, &request); err != nil {
		return err
	}
	if err := roundTripWith(theRoundTripper(), &request); err != nil {
		return err
	}
	if err := roundTripWith(rt, prequest); err != nil {
		return err
	}
	if err := roundTripWith(&h2, prequest); err != nil {
		return err
	}
	if err := serveWith(&server, &listen, &dialer); err != nil {
		return err
	}
	if err := serveWith(theServer(), plisten, pdialer); err != nil {
		return err
	}
	requestWith(&request, &target)
	requestWith(prequest, ptarget)
	if err := fileOf(&tcpConn); err != nil {
		return err
	}
	if err := fileOf(pconn); err != nil {
		return err
	}
	if _, err := readAll(&response); err != nil {
		return err
	}
	if _, err := readAll(theResponse()); err != nil {
		return err
	}
	if _, err := readAll(presponse); err != nil {
		return err
	}
	h2With(&h2, &transport)
	h2With(ph2, ptransport)
	return nil
}

// Globals captured by closures, sent in loops and goroutines, and
// assigned through pointers to them.
func closures(urls []string) {
	c, t := &client, &transport
	t.DisableKeepAlives = true
	*t = http.Transport{}
	*c = http.Client{Transport: t}
	done := make(chan struct{})
	for _, u := range urls {
		go func() {
			defer func() { done <- struct{}{} }()
			resp, err := client.Get(u)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			io.Copy(io.Discard, resp.Body)
		}()
		func() {
			resp, err := c.Get(u)
			if err != nil {
				return
			}
			resp.Body.Close()
		}()
		ptransport = transport.Clone()
		response = http.Response{}
		presponse = &response
		tcpConn = net.TCPConn{}
		pconn = &tcpConn
		request = http.Request{}
		prequest = &request
		server = http.Server{}
		pserver = &server
		dialer = net.Dialer{}
		pdialer = &dialer
	}
	for range urls {
		<-done
	}
}

// A generic helper instantiated with the package-level values.
type sender interface {
	Do(*http.Request) (*http.Response, error)
}

func sendAll[S sender](s S, reqs []*http.Request) {
	for _, r := range reqs {
		resp, err := s.Do(r)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

func generics(reqs []*http.Request) {
	sendAll(&client, reqs)
	sendAll(pclient, reqs)
	sendAll(http.DefaultClient, reqs)
	sendAll[*http.Client](nil, reqs)
}
