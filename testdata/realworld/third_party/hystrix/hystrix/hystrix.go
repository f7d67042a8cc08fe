// Package hystrix is a stand-in for github.com/afex/hystrix-go/hystrix
// with the parts the real-world cases use, in the same shape: Do runs a
// command once, in the caller's goroutine here, under the named circuit,
// and fails fast while that circuit is open.
package hystrix

import (
	"errors"
	"sync"
	"time"
)

// ErrCircuitOpen is returned while a circuit is open.
var ErrCircuitOpen = errors.New("hystrix: circuit open")

// CommandConfig tunes a circuit.
type CommandConfig struct {
	Timeout                int
	MaxConcurrentRequests  int
	RequestVolumeThreshold int
	SleepWindow            int
	ErrorPercentThreshold  int
}

type circuit struct {
	cfg              CommandConfig
	requests, errors int
	openedAt         time.Time
}

var (
	mu       sync.Mutex
	circuits = map[string]*circuit{}
)

func get(name string) *circuit {
	c := circuits[name]
	if c == nil {
		c = &circuit{cfg: CommandConfig{RequestVolumeThreshold: 20, SleepWindow: 5000, ErrorPercentThreshold: 50}}
		circuits[name] = c
	}
	return c
}

// ConfigureCommand sets the settings of the named circuit.
func ConfigureCommand(name string, config CommandConfig) {
	mu.Lock()
	get(name).cfg = config
	mu.Unlock()
}

// Do runs run once under the named circuit; fallback, if not nil, gets
// its error.
func Do(name string, run func() error, fallback func(error) error) error {
	mu.Lock()
	c := get(name)
	open := !c.openedAt.IsZero() && time.Since(c.openedAt) < time.Duration(c.cfg.SleepWindow)*time.Millisecond
	mu.Unlock()
	var err error
	if open {
		err = ErrCircuitOpen
	} else {
		err = run()
		mu.Lock()
		c.requests++
		if err != nil {
			c.errors++
		}
		if c.requests >= c.cfg.RequestVolumeThreshold && c.errors*100 >= c.cfg.ErrorPercentThreshold*c.requests {
			c.openedAt, c.requests, c.errors = time.Now(), 0, 0
		}
		mu.Unlock()
	}
	if err != nil && fallback != nil {
		return fallback(err)
	}
	return err
}
