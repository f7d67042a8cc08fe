// Package rule evaluates recording rules and pushes their series.
package rule

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// TimeSeries is one series a rule produced.
type TimeSeries struct {
	Name    string
	Samples []float64
}

// RWClient is where series are written.
type RWClient interface {
	Push(TimeSeries) error
}

// Rule is a recording rule.
type Rule interface {
	Exec(ctx context.Context) ([]TimeSeries, error)
}

type executor struct {
	Rw RWClient
}

// execConcurrently runs the rules, concurrency at a time.
func (e *executor) execConcurrently(ctx context.Context, rules []Rule, concurrency int) error {
	sem := make(chan struct{}, max(concurrency, 1))
	errs := make([]error, len(rules))
	var wg sync.WaitGroup
	for i, r := range rules {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = e.exec(ctx, r)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (e *executor) exec(ctx context.Context, r Rule) error {
	tss, err := r.Exec(ctx)
	if err != nil {
		return fmt.Errorf("rule %v: failed to execute: %w", r, err)
	}
	var lastErr error
	if e.Rw != nil {
		for _, ts := range tss {
			if err := e.Rw.Push(ts); err != nil {
				lastErr = fmt.Errorf("rule %v: remote write failure: %w", r, err)
			}
		}
	}
	return lastErr
}

// Evaluate runs the rules of a test group against rw.
func Evaluate(ctx context.Context, rw RWClient, rules []Rule, concurrency int) error {
	e := &executor{Rw: rw}
	return e.execConcurrently(ctx, rules, concurrency)
}
