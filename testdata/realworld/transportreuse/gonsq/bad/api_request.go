// Package bad is the shape of nsqio/go-nsq's lookupd queries before PR
// #333: every query of nsqlookupd (each poll of a Consumer's lookupdLoop,
// every LookupdPollInterval, 60 s by default, and each of its retries)
// goes through apiRequestNegotiateV1, which makes a new http.Client on a
// new Transport with DisableKeepAlives: true, so each poll dials a new TCP
// connection to nsqlookupd and leaves a TIME_WAIT socket behind. The
// connection to nsqd (the TCP protocol, ConnectToNSQD) is left out.
package bad

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

type deadlinedConn struct {
	Timeout time.Duration
	net.Conn
}

func (c *deadlinedConn) Read(b []byte) (n int, err error) {
	c.Conn.SetReadDeadline(time.Now().Add(c.Timeout))
	return c.Conn.Read(b)
}

func (c *deadlinedConn) Write(b []byte) (n int, err error) {
	c.Conn.SetWriteDeadline(time.Now().Add(c.Timeout))
	return c.Conn.Write(b)
}

func newDeadlineTransport(timeout time.Duration) *http.Transport {
	transport := &http.Transport{
		DisableKeepAlives: true,
		Dial: func(netw, addr string) (net.Conn, error) {
			c, err := net.DialTimeout(netw, addr, timeout)
			if err != nil {
				return nil, err
			}
			return &deadlinedConn{timeout, c}, nil
		},
	}
	return transport
}

type wrappedResp struct {
	Status     string `json:"status_txt"`
	StatusCode int    `json:"status_code"`
	Data       any    `json:"data"`
}

// apiRequestNegotiateV1 stores the result in the value ret points to.
func apiRequestNegotiateV1(method string, endpoint string, headers http.Header, ret any) error {
	httpclient := &http.Client{Transport: newDeadlineTransport(2 * time.Second)}
	req, err := http.NewRequest(method, endpoint, nil)
	if err != nil {
		return err
	}
	for k, v := range headers {
		req.Header[k] = v
	}
	req.Header.Add("Accept", "application/vnd.nsq; version=1.0")

	resp, err := httpclient.Do(req)
	if err != nil {
		return err
	}
	respBody, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("got response %s %q", resp.Status, respBody)
	}
	if len(respBody) == 0 {
		respBody = []byte("{}")
	}
	if resp.Header.Get("X-NSQ-Content-Type") == "nsq; version=1.0" {
		return json.Unmarshal(respBody, ret)
	}
	return json.Unmarshal(respBody, &wrappedResp{Data: ret})
}
