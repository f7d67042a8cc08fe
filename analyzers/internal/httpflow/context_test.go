package httpflow_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// contextHelpers are functions of the package that return a context made
// from the one they are given: a child, a detached one, and on one path a
// fresh one.
const contextHelpers = `
func keep(c context.Context, r *http.Request) context.Context { return context.WithValue(c, 1, r) }
func detach(c context.Context) context.Context { return context.WithoutCancel(c) }
func fresh(c context.Context) context.Context { if c.Err() == nil { return c }; return context.Background() }`

// TestContexts finds the contexts of the request that f sends with c.Do
// and reports which of f's parameters ctx and other are done whenever all
// of them are, and how many places of f know a context to be done.
func TestContexts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		known      bool
		ctx, other bool
		dones      int
	}{
		{"new request", `req, _ := http.NewRequestWithContext(ctx, "GET", "u", nil); c.Do(req)`, true, true, false, 0},
		{"background", `req, _ := http.NewRequest("GET", "u", nil); c.Do(req)`, false, false, false, 0},
		{"with context", `c.Do(r.WithContext(ctx))`, true, true, false, 0},
		{"clone of a child", `child, cancel := context.WithTimeout(ctx, 1); defer cancel(); c.Do(r.Clone(child))`, true, true, false, 0},
		{"value child", `c.Do(r.WithContext(context.WithValue(ctx, 1, 2)))`, true, true, false, 0},
		{"without cancel", `c.Do(r.WithContext(context.WithoutCancel(ctx)))`, true, false, false, 0},
		{"unknown request", `c.Do(r)`, false, false, false, 0},
		{"φ of one family", `if b { ctx, _ = context.WithCancel(ctx) }; c.Do(r.WithContext(ctx))`, true, true, false, 0},
		{"φ of two families", `if b { ctx = other }; c.Do(r.WithContext(ctx))`, true, false, false, 0},
		{"child made in a loop", `for i := 0; i < 3; i++ { ctx, _ = context.WithTimeout(ctx, 1) }; c.Do(r.WithContext(ctx))`, true, true, false, 0},
		{"two requests", `q := r.WithContext(ctx); if b { q = r.WithContext(other) }; c.Do(q)`, true, false, false, 0},
		{"hook", `var hook func(context.Context, *http.Request) context.Context; c.Do(r.WithContext(hook(ctx, r)))`, true, true, false, 0},
		{"hooks in a loop", `var hooks []func(context.Context, *http.Request) context.Context; for _, h := range hooks { ctx = h(ctx, r) }; c.Do(r.WithContext(ctx))`, true, true, false, 0},
		{"hook given two contexts", `var hook func(context.Context, context.Context) context.Context; c.Do(r.WithContext(hook(ctx, other)))`, true, false, false, 0},
		{"function of the package", `c.Do(r.WithContext(keep(ctx, r)))`, true, true, false, 0},
		{"function that detaches", `c.Do(r.WithContext(detach(ctx)))`, true, false, false, 0},
		{"function with a fresh context", `c.Do(r.WithContext(fresh(ctx)))`, true, false, false, 0},
		{"captured variable", `ctx, cancel := context.WithCancel(ctx); defer cancel(); defer func() { ctx = other }(); c.Do(r.WithContext(ctx))`, true, true, false, 0},
		{"captured variable stored by a call", `set := func() { ctx = other }; set(); c.Do(r.WithContext(ctx))`, true, false, false, 0},
		{"captured variable stored by a call after", `set := func() { ctx = other }; c.Do(r.WithContext(ctx)); set()`, true, true, false, 0},
		{"captured variable in a goroutine", `go func() { ctx = other }(); c.Do(r.WithContext(ctx))`, true, false, false, 0},
		{"checks", `c.Do(r.WithContext(ctx)); if ctx.Err() != nil { return }; if context.Cause(other) == nil { return }
			select { case <-ctx.Done(): return; case <-other.Done(): }; <-ctx.Done()`, true, true, false, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fn := build(t, `func f(ctx, other context.Context, c *http.Client, r *http.Request, b bool) { `+tc.body+` }`+contextHelpers).Func("f")
			var do *ssa.Call
			for _, blk := range fn.Blocks {
				for _, instr := range blk.Instrs {
					if call, ok := instr.(*ssa.Call); ok && call.Call.StaticCallee() != nil && call.Call.StaticCallee().Name() == "Do" {
						do = call
					}
				}
			}
			back := &ssaflow.Backtracer{Index: ssaflow.NewIndex(fn.Pkg), Stop: httpflow.SetsContext}
			ctxs, known := httpflow.Contexts(back, do.Call.Args[1])
			if known != tc.known {
				t.Fatalf("known = %v, want %v", known, tc.known)
			}
			all := func(p ssa.Value) bool {
				for _, c := range ctxs {
					if !httpflow.Ancestors(c)[p] {
						return false
					}
				}
				return known
			}
			if got := all(fn.Params[0]); got != tc.ctx {
				t.Errorf("ctx: %v, want %v", got, tc.ctx)
			}
			if got := all(fn.Params[1]); got != tc.other {
				t.Errorf("other: %v, want %v", got, tc.other)
			}
			if got := len(httpflow.Dones(fn)); got != tc.dones {
				t.Errorf("%d dones, want %d", got, tc.dones)
			}
		})
	}
}

// TestDeferredCancels counts the deferred cancels of f and checks that
// each is of the context made by the constructor of the first one.
func TestDeferredCancels(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"defer cancel", `ctx, cancel := context.WithCancel(ctx); defer cancel(); _ = ctx`, 1},
		{"cause", `ctx, cancel := context.WithCancelCause(ctx); defer cancel(nil); _ = ctx`, 1},
		{"closure", `ctx, cancel := context.WithTimeout(ctx, 1); defer func() { cancel() }(); _ = ctx`, 1},
		{"captured", `ctx, cancel := context.WithTimeoutCause(ctx, 1, nil); go func() { cancel() }(); defer cancel(); _ = ctx`, 1},
		{"closure on one path", `ctx, cancel := context.WithCancel(ctx); defer func() { if b { cancel() } }(); _ = ctx`, 0},
		{"called, not deferred", `ctx, cancel := context.WithCancel(ctx); cancel(); _ = ctx`, 0},
		{"φ with a no-op", `cancel := func() {}; if b { ctx, cancel = context.WithCancel(ctx) }; defer cancel(); _ = ctx`, 0},
		{"stored in a loop", `var cancel func(); for b { ctx, cancel = context.WithCancel(ctx) }; defer func() { cancel() }(); _ = ctx`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fn := build(t, `func f(ctx context.Context, b bool) { `+tc.body+` }`).Func("f")
			var loops ssaflow.Loops
			got := httpflow.DeferredCancels(ssaflow.NewIndex(fn.Pkg), &loops, fn)
			if len(got) != tc.want {
				t.Fatalf("%d deferred cancels, want %d", len(got), tc.want)
			}
			for _, c := range got {
				if c.Ctx.Index != 0 || c.Defer.Parent() != fn {
					t.Errorf("cancel %v of %v", c.Defer, c.Ctx)
				}
			}
		})
	}
}

// TestDeferredCalls counts the deferred calls of the CancelFunc that f's
// first call of g returns.
func TestDeferredCalls(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"defer", `c := g(); defer c()`, 1},
		{"closure", `c := g(); defer func() { c() }()`, 1},
		{"closure on one path", `c := g(); defer func() { if b { c() } }()`, 0},
		{"another cancel", `c := g(); d := g(); defer d(); _ = c`, 0},
		{"called, not deferred", `c := g(); c()`, 0},
		{"assigned twice", `c := g(); if b { c = func() {} }; defer func() { c() }()`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fn := build(t, `func f(g func() context.CancelFunc, b bool) { `+tc.body+` }`).Func("f")
			var first ssa.Value
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok && call.Call.Value == fn.Params[0] && first == nil {
						first = call
					}
				}
			}
			var loops ssaflow.Loops
			got := httpflow.DeferredCalls(ssaflow.NewIndex(fn.Pkg), &loops, fn, first)
			if len(got) != tc.want {
				t.Fatalf("%d deferred calls, want %d", len(got), tc.want)
			}
		})
	}
}
