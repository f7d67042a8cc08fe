// Package bad is the shape of moby/buildkit's util/resolver before PR
// #2242 (commit 7820101): every registry host gets a client of its own
// around newDefaultTransport, whose MaxIdleConns is 10 and whose
// MaxIdleConnsPerHost is left at 2. A build pulls and pushes many blobs
// of one registry in parallel (package docker, containerd's fetcher), so
// all but 2 of those connections were closed after each blob; as the PR
// says, "in our case it is more likely to have a small number of
// registries that receive lots of requests".
package bad

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"

	"example.com/realworld/idleperhost/buildkit/bad/docker"
)

// RegistryConfig is the configuration of one registry.
type RegistryConfig struct {
	Mirrors   []string
	PlainHTTP *bool
	Insecure  *bool
}

func fillInsecureOpts(c RegistryConfig, h docker.RegistryHost) []docker.RegistryHost {
	var hosts []docker.RegistryHost
	if c.PlainHTTP != nil && *c.PlainHTTP {
		h2 := h
		h2.Scheme = "http"
		hosts = append(hosts, h2)
	}
	if c.Insecure != nil && *c.Insecure {
		h2 := h
		transport := newDefaultTransport()
		transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
		h2.Client = &http.Client{Transport: transport}
		hosts = append(hosts, h2)
	}
	if len(hosts) == 0 {
		hosts = append(hosts, h)
	}
	return hosts
}

// NewRegistryConfig returns the endpoints of each configured registry.
func NewRegistryConfig(m map[string]RegistryConfig) docker.RegistryHosts {
	return func(host string) ([]docker.RegistryHost, error) {
		c := m[host]
		var out []docker.RegistryHost
		for _, mirror := range c.Mirrors {
			h := docker.RegistryHost{Scheme: "https", Client: newDefaultClient(), Host: mirror, Path: "/v2"}
			out = append(out, fillInsecureOpts(m[mirror], h)...)
		}
		if host == "docker.io" {
			host = "registry-1.docker.io"
		}
		h := docker.RegistryHost{Scheme: "https", Client: newDefaultClient(), Host: host, Path: "/v2"}
		return append(out, fillInsecureOpts(c, h)...), nil
	}
}

func newDefaultClient() *http.Client {
	return &http.Client{Transport: newDefaultTransport()}
}

// newDefaultTransport is the transport of pulls and pushes. HTTP/2 is off:
// its flow control limits push throughput.
func newDefaultTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 60 * time.Second,
		}).DialContext,
		MaxIdleConns:          10,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 5 * time.Second,
		TLSNextProto:          make(map[string]func(authority string, c *tls.Conn) http.RoundTripper),
	}
}
