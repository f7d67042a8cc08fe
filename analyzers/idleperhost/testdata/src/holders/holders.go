// Package holders: the base URL and the client live in two structs of the
// package, one holding the other, and the package sends concurrently.
package holders

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// A transport built by a method of the settings, kept by the writer next
// to the settings that hold the base URL.
type Settings struct {
	endpoint string
	timeout  time.Duration
}

func (o *Settings) Client() *http.Client {
	return &http.Client{Timeout: o.timeout, Transport: &http.Transport{ // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in Settings.endpoint`
		IdleConnTimeout: 90 * time.Second,
	}}
}

type Writer struct {
	opts *Settings
	http *http.Client
}

func NewWriter(endpoint string) *Writer {
	o := &Settings{endpoint: endpoint, timeout: 10 * time.Second}
	return &Writer{opts: o, http: o.Client()}
}

func (w *Writer) write(line string) error {
	resp, err := w.http.Post(strings.TrimSuffix(w.opts.endpoint, "/")+"/write", "text/plain", strings.NewReader(line))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (w *Writer) Flush(lines []string) {
	var wg sync.WaitGroup
	for _, l := range lines {
		wg.Go(func() { w.write(l) })
	}
	wg.Wait()
}

// The good twin: the settings method raises the per-host limit.
type TunedSettings struct {
	endpoint string
}

func (o *TunedSettings) Client() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 32}}
}

type TunedWriter struct {
	opts *TunedSettings
	http *http.Client
}

func NewTunedWriter(endpoint string) *TunedWriter {
	o := &TunedSettings{endpoint: endpoint}
	return &TunedWriter{opts: o, http: o.Client()}
}

func (w *TunedWriter) Flush(lines []string) {
	var wg sync.WaitGroup
	for _, l := range lines {
		wg.Go(func() {
			resp, err := w.http.Post(w.opts.endpoint+"/write", "text/plain", strings.NewReader(l))
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// The client lives in a shared dialer struct that each peer reaches
// through a field; the host is the peer's field after a constant scheme.
type Dialer struct {
	client *http.Client
}

func NewDialer() *Dialer {
	return &Dialer{client: &http.Client{Transport: &http.Transport{ // want `http.Transport keeps 2 idle connections per host but every request goes to the base URL in Peer.addr`
		TLSHandshakeTimeout: 10 * time.Second,
	}}}
}

type Peer struct {
	d    *Dialer
	addr string
}

func (d *Dialer) Peer(addr string) *Peer { return &Peer{d: d, addr: addr} }

func (p *Peer) Call(body string) error {
	req, err := http.NewRequest(http.MethodPost, "http://"+p.addr+"/rpc", strings.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := p.d.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Peer) Ping() error {
	resp, err := p.d.client.Get(fmt.Sprintf("http://%s/ping", p.addr))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Peer) Burst(n int) {
	done := make(chan error, n)
	for range n {
		go func() { done <- p.Call("x") }()
	}
	for range n {
		<-done
	}
	p.Ping()
}

// The good twin: the host comes with each work item (many hosts).
type Fetcher struct {
	client *http.Client
}

func NewFetcher() *Fetcher {
	return &Fetcher{client: &http.Client{Transport: &http.Transport{TLSHandshakeTimeout: 10 * time.Second}}}
}

type Job struct {
	host string
}

func (f *Fetcher) fetch(j Job) error {
	resp, err := f.client.Get("http://" + j.host + "/")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (f *Fetcher) FetchAll(jobs []Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Go(func() { f.fetch(j) })
	}
	wg.Wait()
}

// MaxIdleConns from the configuration, one base, worker goroutines: still
// 2 per host.
type Config struct {
	URL      string
	MaxIdle  int
	PerHost  int
	Parallel int
}

type Scanner struct {
	cfg    Config
	client *http.Client
}

func NewScanner(cfg Config) *Scanner {
	tr := &http.Transport{MaxIdleConns: cfg.MaxIdle} // want `http.Transport sets MaxIdleConns but keeps 2 idle connections per host, and every request goes to the base URL in Config.URL`
	return &Scanner{cfg: cfg, client: &http.Client{Transport: tr}}
}

func (s *Scanner) probe(q string) error {
	resp, err := s.client.Get(s.cfg.URL + "?q=" + q)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *Scanner) Run(queries <-chan string) {
	var wg sync.WaitGroup
	for range s.cfg.Parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range queries {
				s.probe(q)
			}
		}()
	}
	wg.Wait()
}

// The good twin: the per-host limit comes from the configuration too.
type TunedScanner struct {
	cfg    Config
	client *http.Client
}

func NewTunedScanner(cfg Config) *TunedScanner {
	tr := &http.Transport{MaxIdleConns: cfg.MaxIdle, MaxIdleConnsPerHost: cfg.PerHost}
	return &TunedScanner{cfg: cfg, client: &http.Client{Transport: tr}}
}

func (s *TunedScanner) Run(queries <-chan string) {
	var wg sync.WaitGroup
	for range s.cfg.Parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range queries {
				if resp, err := s.client.Get(s.cfg.URL + "?q=" + q); err == nil {
					resp.Body.Close()
				}
			}
		}()
	}
	wg.Wait()
}
