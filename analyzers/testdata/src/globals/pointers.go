package globals

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http2"
)

// Package-level pointers, some made where they are declared, some in init
// or in functions, some never.
var (
	pclient    = &http.Client{Timeout: time.Second}
	ptransport = &http.Transport{MaxIdleConnsPerHost: 10}
	pserver    = &http.Server{Addr: ":8081"}
	pdialer    = &net.Dialer{KeepAlive: -1}
	prequest   *http.Request
	ptarget    = &url.URL{Scheme: "http", Host: "localhost"}
	plisten    = &net.ListenConfig{}
	ph2        = &http2.Transport{}
	pconn      *net.TCPConn
	presponse  *http.Response
	pbody      io.ReadCloser
	rt         http.RoundTripper = ptransport
	nilClient  *http.Client
	nilRT      http.RoundTripper = nil
	shared                       = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	h2client                     = &http.Client{Transport: ph2}
)

func init() {
	prequest, _ = http.NewRequest(http.MethodPut, ptarget.String(), strings.NewReader("x"))
	prequest.Header.Set("Connection", "close")
	pclient.Transport = rt
	ptransport.DialContext = pdialer.DialContext
	ptransport.Dial = net.Dial
	ptransport.DialContext = dial
	_ = http2.ConfigureTransport(ptransport)
}

func dial(ctx context.Context, network, addr string) (net.Conn, error) {
	return pdialer.DialContext(ctx, network, addr)
}

func pointerSends(body string) error {
	resp, err := pclient.Do(prequest)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = pclient.Post(ptarget.String(), "text/plain", strings.NewReader(body))
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = rt.RoundTrip(prequest)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = ph2.RoundTrip(prequest)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = nilClient.Get(ptarget.String())
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = shared.Get(ptarget.String())
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = h2client.Get(ptarget.String())
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = (*http.Client)(nil).Do(prequest)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = ptransport.RoundTrip(nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = nilRT.RoundTrip(prequest)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A package-level response and body, set in one function and closed in
// another.
func keep(url string) error {
	var err error
	presponse, err = http.Get(url)
	if err != nil {
		return err
	}
	pbody = presponse.Body
	return nil
}

func release() error {
	io.Copy(io.Discard, presponse.Body)
	presponse.Body.Close()
	return pbody.Close()
}

func pointerFields() {
	ptransport.DisableKeepAlives = true
	ptransport.MaxIdleConns = 1
	ptransport.IdleConnTimeout = 0
	ptransport = ptransport.Clone()
	ptransport = http.DefaultTransport.(*http.Transport).Clone()
	pclient.Transport = ptransport
	pclient = &http.Client{Transport: &http.Transport{}}
	pserver.ReadTimeout = time.Second
	pserver.SetKeepAlivesEnabled(false)
	pdialer.KeepAlive = -1
	plisten.KeepAlive = -1
	prequest.Close = true
	ph2.ReadIdleTimeout = 0
	http.DefaultClient.Transport = ptransport
	http.DefaultTransport = ptransport
}

func pointerServe(ctx context.Context) error {
	go pserver.ListenAndServe()
	ln, err := plisten.Listen(ctx, "tcp", ":0")
	if err != nil {
		return err
	}
	go pserver.Serve(ln)
	go (&http.Server{}).ListenAndServe()
	go http.ListenAndServe(":0", nil)
	f, err := pconn.File()
	if err != nil {
		return err
	}
	defer f.Close()
	c, err := net.DialTCP("tcp", nil, nil)
	if err != nil {
		return err
	}
	pconn = c
	return pserver.Close()
}

func pointerLoop(urls []string) {
	for _, u := range urls {
		ptransport = &http.Transport{}
		pclient = &http.Client{Transport: ptransport}
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			continue
		}
		req.Header.Set("Connection", "close")
		resp, err := pclient.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}
