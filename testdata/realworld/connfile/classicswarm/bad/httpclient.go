// Package bad is the shape of docker/swarm's (docker-archive/classicswarm)
// engine client before PR #2523 (issues #1838 and #1859, first proposed
// as #2494): the transport's Dial sets TCP_USER_TIMEOUT on each new
// connection to a Docker engine through conn.File().Fd(), which puts the
// shared socket into blocking mode, so reads on engine connections tie up
// threads and their deadlines stop working, and the manager hangs. The
// darwin and windows versions of setTCPUserTimeout, and the docker client
// built on the http.Client, are left out.
package bad

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"time"
)

type tcpFunc func(*net.TCPConn, time.Duration) error

func newHTTPClient(u *url.URL, tlsConfig *tls.Config, timeout time.Duration, setUserTimeout tcpFunc) *http.Client {
	httpTransport := &http.Transport{
		TLSClientConfig: tlsConfig,
	}

	switch u.Scheme {
	default:
		httpTransport.Dial = func(proto, addr string) (net.Conn, error) {
			conn, err := net.DialTimeout(proto, addr, timeout)
			if tcpConn, ok := conn.(*net.TCPConn); ok && setUserTimeout != nil {
				// Sender can break TCP connection if the remote side doesn't
				// acknowledge packets within timeout
				setUserTimeout(tcpConn, timeout)
			}
			return conn, err
		}
	case "unix":
		socketPath := u.Path
		httpTransport.Dial = func(proto, addr string) (net.Conn, error) {
			return net.DialTimeout("unix", socketPath, timeout)
		}
		u.Scheme = "http"
		u.Host = "unix.sock"
		u.Path = ""
	}
	return &http.Client{Transport: httpTransport}
}

// NewHTTPClientTimeout returns a client for daemonURL and its URL.
func NewHTTPClientTimeout(daemonURL string, tlsConfig *tls.Config, timeout time.Duration, setUserTimeout tcpFunc) (*http.Client, *url.URL, error) {
	u, err := url.Parse(daemonURL)
	if err != nil {
		return nil, nil, err
	}
	if u.Scheme == "" || u.Scheme == "tcp" {
		if tlsConfig == nil {
			u.Scheme = "http"
		} else {
			u.Scheme = "https"
		}
	}
	return newHTTPClient(u, tlsConfig, timeout, setUserTimeout), u, nil
}
