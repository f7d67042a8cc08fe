// Package fuzz is monsoon's fuzz command: it starts Threads runners that
// share one transport.
package fuzz

import (
	"context"
	"sync"

	response "example.com/realworld/idleperhost/monsoon/bad"
	"example.com/realworld/idleperhost/monsoon/bad/request"
)

// Options are the command's settings.
type Options struct {
	Threads      int
	Insecure     bool
	ClientCert   string
	DisableHTTP2 bool
	Request      request.Request
}

func startRunners(ctx context.Context, opts *Options, in <-chan string) (<-chan response.Response, error) {
	out := make(chan response.Response)
	tr, err := response.NewTransport(opts.Insecure, opts.ClientCert, opts.DisableHTTP2)
	if err != nil {
		return nil, err
	}
	var wg sync.WaitGroup
	for i := 0; i < opts.Threads; i++ {
		runner := response.NewRunner(tr, &opts.Request, in, out)
		wg.Add(1)
		go func() {
			runner.Run(ctx)
			wg.Done()
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out, nil
}

// Run fuzzes the target with every item of in.
func Run(ctx context.Context, opts *Options, in <-chan string) (n int, err error) {
	out, err := startRunners(ctx, opts, in)
	if err != nil {
		return 0, err
	}
	for range out {
		n++
	}
	return n, nil
}
