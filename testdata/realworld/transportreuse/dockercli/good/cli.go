// Package good is the docker client after PR #8526: NewDockerCli builds
// the transport once and keeps it in the DockerCli, and call sends every
// request through it, so idle connections to the daemon are reused.
package good

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// DockerCli is the command-line client of one daemon.
type DockerCli struct {
	proto, addr string
	transport   *http.Transport
}

// NewDockerCli returns a client of the daemon at proto://addr.
func NewDockerCli(proto, addr string) *DockerCli {
	tr := &http.Transport{
		Dial: func(_, _ string) (net.Conn, error) {
			return net.DialTimeout(proto, addr, 32*time.Second)
		},
	}
	return &DockerCli{proto: proto, addr: addr, transport: tr}
}

func (cli *DockerCli) call(method, path string, data interface{}) (io.ReadCloser, int, error) {
	var body io.Reader
	if data != nil {
		buf, err := json.Marshal(data)
		if err != nil {
			return nil, -1, err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequest(method, "/v1.15"+path, body)
	if err != nil {
		return nil, -1, err
	}
	req.URL.Host = cli.addr
	req.URL.Scheme = "http"
	resp, err := (&http.Client{Transport: cli.transport}).Do(req)
	if err != nil {
		return nil, -1, err
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 400 {
		defer resp.Body.Close()
		msg, _ := io.ReadAll(resp.Body)
		return nil, resp.StatusCode, fmt.Errorf("error response from daemon: %s", bytes.TrimSpace(msg))
	}
	return resp.Body, resp.StatusCode, nil
}

// CmdPs lists the containers.
func (cli *DockerCli) CmdPs() ([]byte, error) {
	rc, _, err := cli.call("GET", "/containers/json", nil)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
