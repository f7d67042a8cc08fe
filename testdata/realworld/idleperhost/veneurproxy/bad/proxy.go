// Package bad is the shape of stripe/veneur's veneur-proxy before PR #516
// (July 2018): NewProxyFromConfig gives the proxy a bare &http.Client{},
// so it forwards on http.DefaultTransport with 2 idle connections per
// host. Every /import the proxy handles is split by consistent hash over
// the few global veneurs and posted to each of them from a goroutine of
// its own, so a busy proxy had many posts in flight to each global
// veneur; all but two of those connections were closed after their post
// and sat in TIME_WAIT, which ran Stripe's proxies out of ephemeral ports
// three times in a year.
package bad

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"sync"
)

// JSONMetric is one metric to forward.
type JSONMetric struct {
	Name  string `json:"name"`
	Value []byte `json:"value"`
}

// ProxyConfig is the proxy's configuration file.
type ProxyConfig struct {
	HTTPAddress         string
	ForwardDestinations []string
}

// Proxy forwards metrics to the global veneurs.
type Proxy struct {
	HTTPAddr     string
	HTTPClient   *http.Client
	Destinations []string
}

// NewProxyFromConfig makes the proxy of conf.
func NewProxyFromConfig(conf ProxyConfig) (p Proxy, err error) {
	p.HTTPAddr = conf.HTTPAddress
	p.Destinations = conf.ForwardDestinations
	// TODO Timeout?
	p.HTTPClient = &http.Client{}
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
