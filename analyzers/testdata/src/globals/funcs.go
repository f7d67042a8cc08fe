package globals

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
)

// Functions and method values stored in package variables: bound methods
// of package-level values, method expressions, the standard library's
// functions, the package's own.
var (
	do        = client.Do
	pdo       = pclient.Do
	get       = http.Get
	post      = http.Post
	roundTrip = transport.RoundTrip
	serve     = server.ListenAndServe
	dialCtx   = dialer.DialContext
	file      = tcpConn.File
	pfile     = pconn.File
	closeBody = response.Body.Close
	doExpr    = (*http.Client).Do
	rtExpr    = (*http.Transport).RoundTrip
	clone     = (*http.Transport).Clone
	send      func(*http.Request) (*http.Response, error)
	fetchFn                                                           = fetch
	dialFn    func(context.Context, string, string) (net.Conn, error) = dial
	handler                                                           = http.HandlerFunc(handle)
)

func init() {
	send = pclient.Do
	if send == nil {
		send = http.DefaultClient.Do
	}
	transport.DialContext = dialFn
	server.Handler = handler
}

func fetch(url string) (*http.Response, error) { return get(url) }

func funcSends(req *http.Request, url string) error {
	for _, f := range []func(*http.Request) (*http.Response, error){do, pdo, send, roundTrip} {
		resp, err := f(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
	}
	resp, err := doExpr(&client, req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = rtExpr(&transport, req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = post(url, "text/plain", strings.NewReader("x"))
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = fetchFn(url)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	resp, err = retry(get, url)
	if err != nil {
		return err
	}
	resp.Body.Close()
	resp, err = retry(fetch, url)
	if err != nil {
		return err
	}
	return closeBody()
}

func retry(f func(string) (*http.Response, error), url string) (*http.Response, error) {
	var last error
	for i := 0; i < 3; i++ {
		resp, err := f(url)
		if err == nil {
			return resp, nil
		}
		last = err
	}
	return nil, last
}

func funcOthers(ctx context.Context) error {
	t := clone(&transport)
	t.DisableKeepAlives = true
	go serve()
	conn, err := dialCtx(ctx, "tcp", "x:1")
	if err != nil {
		return err
	}
	conn.Close()
	for _, fn := range []func() (*os.File, error){file, pfile} {
		f, err := fn()
		if err != nil {
			return err
		}
		f.Close()
	}
	return nil
}
