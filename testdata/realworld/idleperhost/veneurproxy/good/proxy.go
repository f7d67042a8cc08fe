// Package good is veneur-proxy after PR #516: the proxy's transport is
// configured from the proxy config, whose MaxIdleConnsPerHost now defaults
// to 100, so the concurrent posts to each global veneur keep their
// connections. (The new bare Transport also drops DefaultTransport's proxy
// and timeout settings, which the PR did not need. The defaults are
// applied by ReadProxyConfig, which veneur calls when it reads the
// file; here NewProxyFromConfig calls it.)
package good

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"sync"
	"time"
)

// JSONMetric is one metric to forward.
type JSONMetric struct {
	Name  string `json:"name"`
	Value []byte `json:"value"`
}

// ProxyConfig is the proxy's configuration file.
type ProxyConfig struct {
	HTTPAddress           string
	ForwardDestinations   []string
	IdleConnectionTimeout string
	MaxIdleConns          int
	MaxIdleConnsPerHost   int
}

var defaultProxyConfig = ProxyConfig{
	MaxIdleConnsPerHost: 100,
}

// ReadProxyConfig fills in conf's defaults.
func ReadProxyConfig(conf ProxyConfig) ProxyConfig {
	if conf.MaxIdleConnsPerHost == 0 {
		conf.MaxIdleConnsPerHost = defaultProxyConfig.MaxIdleConnsPerHost
	}
	return conf
}

// Proxy forwards metrics to the global veneurs.
type Proxy struct {
	HTTPAddr     string
	HTTPClient   *http.Client
	Destinations []string
}

// NewProxyFromConfig makes the proxy of conf.
func NewProxyFromConfig(conf ProxyConfig) (p Proxy, err error) {
	conf = ReadProxyConfig(conf)
	p.HTTPAddr = conf.HTTPAddress
	p.Destinations = conf.ForwardDestinations
	var idleTimeout time.Duration
	if conf.IdleConnectionTimeout != "" {
		idleTimeout, err = time.ParseDuration(conf.IdleConnectionTimeout)
		if err != nil {
			return p, err
		}
	}
	transport := &http.Transport{
		IdleConnTimeout:     idleTimeout,
		MaxIdleConns:        conf.MaxIdleConns,
		MaxIdleConnsPerHost: conf.MaxIdleConnsPerHost,
	}
	p.HTTPClient = &http.Client{Transport: transport}
	return p, nil
}

func (p *Proxy) destination(key string) string {
	return p.Destinations[int(crc32.ChecksumIEEE([]byte(key)))%len(p.Destinations)]
}

// ProxyMetrics posts each metric to the global veneur its key hashes to.
func (p *Proxy) ProxyMetrics(ctx context.Context, jsonMetrics []JSONMetric) {
	byDestination := make(map[string][]JSONMetric)
	for _, jm := range jsonMetrics {
		dest := p.destination(jm.Name)
		byDestination[dest] = append(byDestination[dest], jm)
	}
	var wg sync.WaitGroup
	wg.Add(len(byDestination))
	for dest, batch := range byDestination {
		go p.doPost(ctx, &wg, dest, batch)
	}
	wg.Wait()
}

func (p *Proxy) doPost(ctx context.Context, wg *sync.WaitGroup, destination string, batch []JSONMetric) {
	defer wg.Done()
	body, err := json.Marshal(batch)
	if err != nil {
		return
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/import", destination), bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.HTTPClient.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
}

// Handler serves /import: every request is forwarded while the next ones
// are served.
func (p *Proxy) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/import", func(w http.ResponseWriter, r *http.Request) {
		var metrics []JSONMetric
		if err := json.NewDecoder(r.Body).Decode(&metrics); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusAccepted)
		go p.ProxyMetrics(context.Background(), metrics)
	})
	return mux
}
