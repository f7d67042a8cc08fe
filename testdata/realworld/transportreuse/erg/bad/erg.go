// Package bad is the shape of square/erg's range client before PR #11:
// Expand builds a new http.Transport (to cap TLS at 1.1 for an old range
// server) and a client around it on every call, so each expansion opens a
// connection in a pool nobody uses again; the idle connection and its two
// goroutines stay until the server drops it. Expand also returns the body
// of a non-200 answer unclosed.
package bad

import (
	"bufio"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
)

// Erg is a client of one range server.
type Erg struct {
	host string
	port int
	ssl  bool
	Sort bool
}

// New returns an erg of host:port over plain HTTP.
func New(host string, port int) *Erg {
	return &Erg{host: host, port: port, ssl: false, Sort: true}
}

// NewWithSsl returns an erg of host:port over HTTPS.
func NewWithSsl(host string, port int) *Erg {
	return &Erg{host: host, port: port, ssl: true, Sort: true}
}

// Expand asks the server to expand a range expression.
func (e *Erg) Expand(query string) (result []string, err error) {
	protocol := "http"
	if e.ssl {
		protocol = "https"
	}
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{
			MaxVersion: tls.VersionTLS11,
		},
	}
	client := &http.Client{Transport: tr}

	resp, err := client.Get(fmt.Sprintf("%s://%s:%d/range/list?%s",
		protocol, e.host, e.port, url.QueryEscape(query)))
	if err != nil {
		return nil, err
	}

	if resp.StatusCode != 200 {
		body, readErr := io.ReadAll(resp.Body)
		if readErr != nil {
			return nil, readErr
		}
		return nil, errors.New(string(body))
	}

	defer resp.Body.Close()
	seen := make(map[string]bool)
	scanner := bufio.NewScanner(resp.Body)
	for scanner.Scan() {
		if n := scanner.Text(); !seen[n] {
			seen[n] = true
			result = append(result, n)
		}
	}
	if e.Sort {
		sort.Strings(result)
	}
	return result, nil
}
