// Package bad is the shape of franela/goreq before PR #50: every
// Request.Do builds a new transport and client, so no connection is ever
// reused and each request leaves one behind.
package bad

import (
	"net"
	"net/http"
	"strings"
	"time"
)

type Request struct {
	Method  string
	Uri     string
	Body    string
	Timeout time.Duration
}

type Response struct {
	*http.Response
}

func (r Request) Do() (*Response, error) {
	transport := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) {
			return net.DialTimeout(network, addr, r.Timeout)
		},
		Proxy: http.ProxyFromEnvironment,
	}
	client := &http.Client{Transport: transport}
	req, err := http.NewRequest(r.Method, r.Uri, strings.NewReader(r.Body))
	if err != nil {
		return nil, err
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	return &Response{res}, nil
}
