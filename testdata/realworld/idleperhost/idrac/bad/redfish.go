// Package bad is the shape of mrlhansen/idrac_exporter's collector before
// PR #169: each host's Redfish client has a Transport of its own with the
// default 2 idle connections per host, while Collect refreshes the
// system, sensors, power, storage, memory, network and processors of that
// one iDRAC from a goroutine each. Every scrape opened more connections
// than the pool kept, and the iDRAC's connections went stale and timed out.
package bad

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// HostConfig is one scraped host.
type HostConfig struct {
	Scheme, Hostname, Username, Password string
	Port                                 int
}

// Timeout of every request, in seconds.
var Timeout = 10

type Redfish struct {
	http     *http.Client
	baseurl  string
	username string
	password string
	token    string
}

const redfishRootPath = "/redfish/v1"

func NewRedfish(h *HostConfig) *Redfish {
	baseurl := fmt.Sprintf("%s://%s", h.Scheme, h.Hostname)
	if h.Port > 0 {
		baseurl = fmt.Sprintf("%s:%d", baseurl, h.Port)
	}
	return &Redfish{
		baseurl:  baseurl,
		username: h.Username,
		password: h.Password,
		http: &http.Client{
			Transport: &http.Transport{
				Proxy:           http.ProxyFromEnvironment,
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
			},
			Timeout: time.Duration(Timeout) * time.Second,
		},
	}
}

// Get reads the Redfish resource at path into res.
func (r *Redfish) Get(path string, res any) bool {
	if !strings.HasPrefix(path, redfishRootPath) {
		return false
	}
	url := r.baseurl + path
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return false
	}
	req.Header.Add("Accept", "application/json")
	if r.token != "" {
		req.Header.Set("X-Auth-Token", r.token)
	} else {
		req.SetBasicAuth(r.username, r.password)
	}
	resp, err := r.http.Do(req)
	if err != nil {
		log.Printf("Failed to query %q: %v", url, err)
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.Printf("Unexpected status code from %q: %s", url, resp.Status)
		return false
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return false
	}
	return json.Unmarshal(body, res) == nil
}

// Client reads the groups of metrics of one host.
type Client struct {
	redfish *Redfish
	paths   map[string]string
}

func NewClient(h *HostConfig) *Client {
	return &Client{
		redfish: NewRedfish(h),
		paths: map[string]string{
			"system":  redfishRootPath + "/Systems/System.Embedded.1",
			"thermal": redfishRootPath + "/Chassis/System.Embedded.1/Thermal",
			"power":   redfishRootPath + "/Chassis/System.Embedded.1/Power",
			"storage": redfishRootPath + "/Systems/System.Embedded.1/Storage",
			"memory":  redfishRootPath + "/Systems/System.Embedded.1/Memory",
			"network": redfishRootPath + "/Chassis/System.Embedded.1/NetworkAdapters",
			"cpu":     redfishRootPath + "/Systems/System.Embedded.1/Processors",
		},
	}
}

// Metric is one sample sent to the registry.
type Metric struct {
	Name  string
	Value any
}

func (c *Client) refresh(group string, ch chan<- Metric) bool {
	var doc map[string]any
	if !c.redfish.Get(c.paths[group], &doc) {
		return false
	}
	ch <- Metric{Name: group, Value: doc}
	return true
}

// Collector is the exporter's collector for one host.
type Collector struct {
	client *Client
	errors atomic.Int64
}

// Collect refreshes every group at once, as Prometheus scrapes.
func (collector *Collector) Collect(ch chan<- Metric) {
	var wg sync.WaitGroup
	for _, group := range []string{"system", "thermal", "power", "storage", "memory", "network", "cpu"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !collector.client.refresh(group, ch) {
				collector.errors.Add(1)
			}
		}()
	}
	wg.Wait()
}
