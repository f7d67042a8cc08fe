package ssaflow_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Each case is a function f around one call of try, which returns an error.
func TestAgainOnlyAfterFailure(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		body     string
		failures int // FailureBranches
		want     bool
	}{
		{"no loop", `if err := try(); err != nil { return }`, 1, false},
		{"retry with continue", `for i := 0; i < n; i++ { err := try(); if err != nil { continue }; return }`, 1, true},
		{"retry until success", `for i := 0; i < n; i++ { if err := try(); err == nil { return } }`, 1, true},
		{"success goes round too", `for i := 0; i < n; i++ { if err := try(); err == nil { b() } }`, 1, false},
		{"error never checked", `for i := 0; i < n; i++ { _ = try() }`, 0, false},
		{"error merged in a φ", `var err error; for i := 0; i < n; i++ { err = try(); if err != nil { continue }; break }; _ = err`, 1, true},
		{"break on failure", `for { if err := try(); err != nil { return }; b() }`, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, `func try() error { return nil }; func b() {}
				func f(n int) { `+tc.body+` }`)
			call := callOf(pkg.Func("f"), "try")
			if got := len(ssaflow.FailureBranches(call)); got != tc.failures {
				t.Errorf("FailureBranches: %d blocks, want %d", got, tc.failures)
			}
			if got := ssaflow.AgainOnlyAfterFailure(call); got != tc.want {
				t.Errorf("AgainOnlyAfterFailure = %v, want %v", got, tc.want)
			}
		})
	}
}

func callOf(f *ssa.Function, name string) *ssa.Call {
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			if isCallOf(name)(instr) {
				return instr.(*ssa.Call)
			}
		}
	}
	return nil
}

// Each case is a function f around one call of try; set is the body of the
// branches that run only when its error is set.
func TestSetEdges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"not nil", `if err := try(); err != nil { set() }`, 1},
		{"nil", `if err := try(); err == nil { b() } else { set() }`, 1},
		{"sentinel", `if err := try(); err == errSentinel { set() }`, 1},
		{"not the sentinel", `if err := try(); err != errSentinel { b() } else { set() }`, 1},
		{"negated", `if err := try(); !(err != nil) { b() } else { set() }`, 1},
		{"other error", `if err := try(); err == other() { b() }`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, `var errSentinel = fmt.Errorf("x")
				func try() error { return nil }; func other() error { return nil }; func b() {}; func set() {}
				func f() { `+tc.body+` }`)
			call := callOf(pkg.Func("f"), "try")
			var edges []ssaflow.Edge
			for _, v := range ssaflow.ErrorResult(call) {
				edges = append(edges, ssaflow.SetEdges(v)...)
			}
			if len(edges) != tc.want {
				t.Fatalf("%d edges, want %d", len(edges), tc.want)
			}
			for _, e := range edges {
				if !blockCalls(e.Block(), "set") {
					t.Errorf("edge to %s, which does not call set", e.Block())
				}
			}
		})
	}
}

func blockCalls(b *ssa.BasicBlock, name string) bool {
	for _, instr := range b.Instrs {
		if isCallOf(name)(instr) {
			return true
		}
	}
	return false
}

// ErrorTexts finds err.Error() on the error and on the φ that merges it,
// not on other errors.
func TestErrorTexts(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func try() error { return nil }
		func f(n int) string {
			var err error
			for i := 0; i < n; i++ { err = try() }
			_ = fmt.Errorf("x").Error()
			if err := try(); err != nil { return err.Error() }
			return err.Error()
		}`)
	call := callOf(pkg.Func("f"), "try")
	if got := len(ssaflow.ErrorTexts(ssaflow.ErrorValues(call))); got != 1 {
		t.Errorf("first call: %d texts, want 1 (through the φ)", got)
	}
}

// Each case is a function f around one call of try; fmt.Println is the
// quiet call.
func TestErrorSwallowed(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, f string
		want    bool
	}{
		{"printed", `func f() { if err := try(); err != nil { fmt.Println("failed:", err) } }`, true},
		{"dropped", `func f() { _ = try() }`, true},
		{"tested only", `func f() { if err := try(); err != nil { return }; b() }`, true},
		{"returned", `func f() error { return try() }`, false},
		{"results", `func f() bool { return try() == nil }`, false},
		{"stored", `var last error; func f() { if err := try(); err != nil { last = err } }`, false},
		{"flag set", `var failed bool; func f() { if err := try(); err != nil { failed = true } }`, false},
		{"other call", `func f() { if err := try(); err != nil { b() } }`, false},
		{"panics", `func f() { if err := try(); err != nil { panic(err) } }`, false},
		{"formatted", `func f() { if err := try(); err != nil { _ = fmt.Sprint(err) } }`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, `func try() error { return nil }; func b() {}
				`+tc.f)
			quiet := func(c *ssa.CallCommon) bool {
				fn := callee.Func(c)
				return fn != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Println"
			}
			if got := ssaflow.ErrorSwallowed(callOf(pkg.Func("f"), "try"), quiet); got != tc.want {
				t.Errorf("ErrorSwallowed = %v, want %v", got, tc.want)
			}
		})
	}
}

// Asserted names the value that a comma-ok assertion's ok tests, and
// nothing for other conditions.
func TestAsserted(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type timeout interface{ Timeout() bool }
		func try() error { return nil }
		func f(x any) bool { err := try(); _, ok := err.(timeout); _, isInt := x.(int); v := x.(string); return ok && isInt && v != "" }`)
	var asserted []ssa.Value
	for _, b := range pkg.Func("f").Blocks {
		for _, instr := range b.Instrs {
			if v, ok := instr.(ssa.Value); ok {
				if x := ssaflow.Asserted(v); x != nil {
					asserted = append(asserted, x)
				}
			}
		}
	}
	if len(asserted) != 2 {
		t.Fatalf("Asserted found %d values, want the error and x", len(asserted))
	}
	if _, ok := asserted[0].(*ssa.Call); !ok {
		t.Errorf("first asserted value %v, want the error of try", asserted[0])
	}
	if _, ok := asserted[1].(*ssa.Parameter); !ok {
		t.Errorf("second asserted value %v, want x", asserted[1])
	}
}
