// Package good is erg after PR #11 (merge ec670fb): New builds the
// transport and client once, every Expand of the erg sends through them,
// and the body is closed on every path.
package good

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
	host   string
	port   int
	ssl    bool
	Sort   bool
	client *http.Client
}

// New returns an erg of host:port over plain HTTP.
func New(host string, port int) *Erg {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{
			MaxVersion: tls.VersionTLS11,
		},
	}
	client := &http.Client{Transport: tr}
	return &Erg{host: host, port: port, ssl: false, Sort: true, client: client}
}

// NewWithSsl returns an erg of host:port over HTTPS.
func NewWithSsl(host string, port int) *Erg {
	e := New(host, port)
	e.ssl = true
	return e
}

// Expand asks the server to expand a range expression.
func (e *Erg) Expand(query string) (result []string, err error) {
	protocol := "http"
	if e.ssl {
		protocol = "https"
	}

	resp, err := e.client.Get(fmt.Sprintf("%s://%s:%d/range/list?%s",
		protocol, e.host, e.port, url.QueryEscape(query)))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()

	if resp.StatusCode != 200 {
		body, readErr := io.ReadAll(resp.Body)
		if readErr != nil {
			return nil, readErr
		}
		return nil, errors.New(string(body))
	}

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
