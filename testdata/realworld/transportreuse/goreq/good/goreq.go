// Package good is goreq after PR #50: one package-level transport and
// client serve every request.
package good

import (
	"net"
	"net/http"
	"strings"
	"time"
)

var (
	transport = &http.Transport{
		Dial:  (&net.Dialer{Timeout: 30 * time.Second}).Dial,
		Proxy: http.ProxyFromEnvironment,
	}
	client = &http.Client{Transport: transport}
)

type Request struct {
	Method string
	Uri    string
	Body   string
}

type Response struct {
	*http.Response
}

func (r Request) Do() (*Response, error) {
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
