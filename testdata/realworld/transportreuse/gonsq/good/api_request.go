// Package good is go-nsq's lookupd queries after PR #333: the Consumer
// makes one http.Client, keep-alives on and IdleConnTimeout 90 s, when the
// first nsqlookupd is added (unless SetLookupdHttpClient gave it one), and
// every poll sends through it, so polls reuse the connection.
package good

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

type wrappedResp struct {
	Status     string `json:"status_txt"`
	StatusCode int    `json:"status_code"`
	Data       any    `json:"data"`
}

// apiRequestNegotiateV1 stores the result in the value ret points to.
func apiRequestNegotiateV1(httpclient *http.Client, method string, endpoint string, headers http.Header, ret any) error {
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
