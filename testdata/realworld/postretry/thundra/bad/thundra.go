package bad

import (
	"context"
	"encoding/json"
)

// Plugin collects data about an invocation.
type Plugin interface {
	BeforeExecution(ctx context.Context, request json.RawMessage)
	AfterExecution(ctx context.Context, request json.RawMessage, response interface{}, err interface{}) []interface{}
}

type thundra struct {
	plugins  []Plugin
	reporter reporter
	apiKey   string
}

// NewThundra returns an agent reporting with the default reporter.
func NewThundra(apiKey string, plugins ...Plugin) *thundra {
	return &thundra{plugins: plugins, reporter: &reporterImpl{}, apiKey: apiKey}
}

type lambdaFunction func(context.Context, json.RawMessage) (interface{}, error)

// Wrap returns handler instrumented by t: every invocation is reported.
func Wrap(handler lambdaFunction, t *thundra) lambdaFunction {
	return func(ctx context.Context, payload json.RawMessage) (interface{}, error) {
		t.executePreHooks(ctx, payload)
		val, err := handler(ctx, payload)
		t.executePostHooks(ctx, payload, val, err)
		return val, err
	}
}

func (t *thundra) executePreHooks(ctx context.Context, request json.RawMessage) {
	t.reporter.Clear()
	for _, p := range t.plugins {
		p.BeforeExecution(ctx, request)
	}
}

func (t *thundra) executePostHooks(ctx context.Context, request json.RawMessage, response interface{}, err interface{}) {
	for _, p := range t.plugins {
		t.reporter.Collect(p.AfterExecution(ctx, request, response, err))
	}
	t.reporter.Report(t.apiKey)
	t.reporter.Clear()
}
