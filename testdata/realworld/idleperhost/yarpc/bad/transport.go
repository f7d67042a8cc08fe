// Package bad is the shape of yarpc/yarpc-go's HTTP transport before PR
// #763: outbound calls to one peer go through a transport with the
// default idle limit of 2 per host; under benchmark concurrency the
// client ran out of ephemeral ports ("can't assign requested address").
package bad

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"time"
)

type Transport struct {
	client *http.Client
}

func NewTransport() *Transport {
	return &Transport{client: &http.Client{Transport: &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		Dial: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).Dial,
		TLSHandshakeTimeout: 10 * time.Second,
	}}}
}

// Outbound sends calls to one peer.
type Outbound struct {
	t    *Transport
	peer string
}

func (t *Transport) NewOutbound(peer string) *Outbound { return &Outbound{t: t, peer: peer} }

func (o *Outbound) Call(procedure string, body []byte) ([]byte, error) {
	req, err := http.NewRequest(http.MethodPost, "http://"+o.peer+"/", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Rpc-Procedure", procedure)
	resp, err := o.t.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// CallConcurrently is how the benchmark drives the outbound.
func (o *Outbound) CallConcurrently(n int, body []byte) {
	errs := make(chan error, n)
	for range n {
		go func() {
			_, err := o.Call("bench", body)
			errs <- err
		}()
	}
	for range n {
		<-errs
	}
}
