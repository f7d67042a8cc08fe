package bad

import (
	"bufio"
	"context"
	"os"
	"strings"
	"sync"
)

// GobusterPlugin is a mode (dir, dns, vhost): it turns a word into requests.
type GobusterPlugin interface {
	PreRun() error
	Run(word string) ([]Result, error)
}

// Result is one hit.
type Result struct {
	Entity string
	Status int
}

// Options are the run's settings.
type Options struct {
	Threads  int
	Wordlist string
}

// Gobuster is one run.
type Gobuster struct {
	Opts       *Options
	context    context.Context
	plugin     GobusterPlugin
	resultChan chan Result
	errorChan  chan error
}

// NewGobuster returns a run of plugin.
func NewGobuster(ctx context.Context, opts *Options, plugin GobusterPlugin) *Gobuster {
	return &Gobuster{Opts: opts, context: ctx, plugin: plugin, resultChan: make(chan Result), errorChan: make(chan error)}
}

func (g *Gobuster) worker(words <-chan string, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-g.context.Done():
			return
		case word, ok := <-words:
			if !ok {
				return
			}
			word = strings.TrimSpace(word)
			if word == "" || strings.HasPrefix(word, "#") {
				continue
			}
			res, err := g.plugin.Run(word)
			if err != nil {
				g.errorChan <- err
				continue
			}
			for _, r := range res {
				g.resultChan <- r
			}
		}
	}
}

// Start runs Threads workers over the wordlist.
func (g *Gobuster) Start() error {
	if err := g.plugin.PreRun(); err != nil {
		return err
	}
	f, err := os.Open(g.Opts.Wordlist)
	if err != nil {
		return err
	}
	defer f.Close()
	var wg sync.WaitGroup
	wg.Add(g.Opts.Threads)
	words := make(chan string, g.Opts.Threads)
	for i := 0; i < g.Opts.Threads; i++ {
		go g.worker(words, &wg)
	}
	sc := bufio.NewScanner(f)
Scan:
	for sc.Scan() {
		select {
		case <-g.context.Done():
			break Scan
		case words <- sc.Text():
		}
	}
	close(words)
	wg.Wait()
	close(g.resultChan)
	return nil
}
