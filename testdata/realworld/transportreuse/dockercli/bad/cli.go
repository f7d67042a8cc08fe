// Package bad is the shape of moby/moby's docker client (api/client)
// before PR #8526: DockerCli.call, behind every command's API request,
// builds a new http.Transport dialing the daemon's address for each
// request, so each request's connection stayed idle in a pool nobody
// used again, and a client talking to the daemon over tcp:// ran out of
// file descriptors (and so did the daemon).
package bad

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
}

// NewDockerCli returns a client of the daemon at proto://addr.
func NewDockerCli(proto, addr string) *DockerCli {
	return &DockerCli{proto: proto, addr: addr}
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
	tr := &http.Transport{
		Dial: func(_, _ string) (net.Conn, error) {
			return net.DialTimeout(cli.proto, cli.addr, 32*time.Second)
		},
	}
	resp, err := (&http.Client{Transport: tr}).Do(req)
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
