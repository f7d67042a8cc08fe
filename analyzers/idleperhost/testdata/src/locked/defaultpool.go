package locked

import (
	"net/http"
	"strings"
	"sync"
)

// Pusher pushes through http.DefaultClient under its own mutex, from
// goroutines: one push of an instance at a time.
type Pusher struct {
	gateway string
	mu      sync.Mutex
}

func NewPusher(gateway string) *Pusher { return &Pusher{gateway: gateway} }

func (p *Pusher) Push(sample string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	req, err := http.NewRequest(http.MethodPut, p.gateway+"/metrics", strings.NewReader(sample))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *Pusher) PushAll(samples []string) {
	var wg sync.WaitGroup
	for _, s := range samples {
		wg.Go(func() { p.Push(s) })
	}
	wg.Wait()
}

// LoosePusher locks only to read its state.
type LoosePusher struct {
	gateway string
	mu      sync.Mutex
	n       int
}

func NewLoosePusher(gateway string) *LoosePusher { return &LoosePusher{gateway: gateway} }

func (p *LoosePusher) Push(sample string) error {
	p.mu.Lock()
	p.n++
	p.mu.Unlock()
	req, err := http.NewRequest(http.MethodPut, p.gateway+"/metrics", strings.NewReader(sample))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req) // want `http.DefaultClient.Do sends concurrent requests to the base URL in LoosePusher.gateway through http.DefaultTransport`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (p *LoosePusher) PushAll(samples []string) {
	var wg sync.WaitGroup
	for _, s := range samples {
		wg.Go(func() { p.Push(s) })
	}
	wg.Wait()
}

var beaconMu sync.Mutex

// Beacon sends to one constant host from goroutines, under a package
// mutex.
func Beacon(events []string) {
	var wg sync.WaitGroup
	for _, e := range events {
		wg.Go(func() {
			beaconMu.Lock()
			defer beaconMu.Unlock()
			resp, err := http.Post("http://collector.internal/events", "text/plain", strings.NewReader(e))
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}

// BeaconAll is Beacon without the mutex.
func BeaconAll(events []string) {
	var wg sync.WaitGroup
	for _, e := range events {
		wg.Go(func() {
			resp, err := http.Post("http://collector.internal/events", "text/plain", strings.NewReader(e)) // want `http.Post sends concurrent requests to collector.internal`
			if err == nil {
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
}
