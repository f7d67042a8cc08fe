// Package globals holds every value the analyzers follow at package level,
// as a value (var c = http.Client{...}) and as a pointer, used in every way
// they follow it. SSA keeps no referrers for globals, functions, constants
// and builtins: no analyzer may crash here (TestGlobals).
package globals

import (
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http2"
)

// Package-level values, not pointers.
var (
	client    = http.Client{Timeout: 10 * time.Second}
	transport = http.Transport{MaxIdleConns: 10, IdleConnTimeout: 90 * time.Second}
	server    = http.Server{Addr: ":8080", ReadTimeout: 5 * time.Second}
	dialer    = net.Dialer{Timeout: time.Second, KeepAlive: -1}
	request   = http.Request{Method: http.MethodPost}
	target    = url.URL{Scheme: "https", Host: "example.com"}
	listen    = net.ListenConfig{KeepAlive: -1}
	h2        = http2.Transport{AllowHTTP: true}
	tcpConn   net.TCPConn
	response  http.Response
	header    = http.Header{"Connection": {"close"}}

	clients    [2]http.Client
	transports = map[string]http.Transport{}
	bundle     = struct {
		Client    http.Client
		Transport http.Transport
	}{}
)

func valueSends(ctx context.Context, body string) error {
	resp, err := client.Do(&request)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = client.Get(target.String())
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	resp, err = client.Post(target.String(), "text/plain", strings.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	resp, err = transport.RoundTrip(&request)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = h2.RoundTrip(&request)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = clients[0].Do(&request)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = bundle.Client.Get(target.String())
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func valueFields() {
	transport.DisableKeepAlives = true
	transport.MaxIdleConnsPerHost = 100
	transport.IdleConnTimeout = 0
	transport.ForceAttemptHTTP2 = true
	transport.DialContext = dialer.DialContext
	transport.Proxy = http.ProxyFromEnvironment
	transport.TLSClientConfig = &tls.Config{}
	transport.DisableCompression = false
	client.Transport = &transport
	client.Transport = nil
	client.Transport = http.DefaultTransport
	client.CheckRedirect = nil
	server.IdleTimeout = 0
	server.ReadHeaderTimeout = time.Second
	server.SetKeepAlivesEnabled(false)
	server.Handler = http.HandlerFunc(handle)
	server.ConnState = nil
	dialer.KeepAlive = -1
	dialer.Control = nil
	listen.KeepAlive = -1
	request.Close = true
	request.Header = header
	request.Header.Set("Connection", "close")
	request.URL = &target
	request.Body = http.NoBody
	response.Body = http.NoBody
	h2.ReadIdleTimeout = 0
	bundle.Transport.DisableKeepAlives = true
	c := transports["x"]
	c.DisableKeepAlives = true
	transports["x"] = c
}

func valueClones() *http.Transport {
	t := transport.Clone()
	t.MaxIdleConnsPerHost = 50
	_ = http2.ConfigureTransport(&transport)
	h, _ := http2.ConfigureTransports(t)
	h.ReadIdleTimeout = time.Second
	r := request.Clone(context.Background())
	r.Close = true
	r = request.WithContext(context.Background())
	_ = r
	return t
}

func valueServe(ctx context.Context) error {
	go server.ListenAndServe()
	go server.ListenAndServeTLS("cert", "key")
	ln, err := listen.Listen(ctx, "tcp", ":0")
	if err != nil {
		return err
	}
	go server.Serve(ln)
	conn, err := dialer.DialContext(ctx, "tcp", target.Host)
	if err != nil {
		return err
	}
	defer conn.Close()
	f, err := tcpConn.File()
	if err != nil {
		return err
	}
	defer f.Close()
	return server.Shutdown(ctx)
}

func valueResponse() error {
	defer response.Body.Close()
	_, err := io.ReadAll(response.Body)
	if err != nil {
		return err
	}
	return response.Body.Close()
}

func valueLoop(urls []string) {
	for _, u := range urls {
		transport = http.Transport{DisableKeepAlives: true}
		client = http.Client{Transport: &transport}
		resp, err := client.Get(u)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

func handle(w http.ResponseWriter, r *http.Request) {}

// A package-level request whose method is its callers' (a walk to the
// package's call sites starts at the global).
var sitesRequest = http.Request{Header: http.Header{}}

func sendMethod(method string) error {
	sitesRequest.Method = method
	resp, err := pclient.Do(&sitesRequest)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func sendMethods() {
	sendMethod(http.MethodPost)
	sendMethod(http.MethodGet)
}
