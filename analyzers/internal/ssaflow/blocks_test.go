package ssaflow_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// Each case is a function f calling marker functions a, b, c and d; the
// want fields list, for the markers' calls, what the block graph says
// about them: "x>y" for a pair (x, y) of which a relation holds.
var blockCases = []struct {
	name      string
	body      string
	inLoop    string // Loops.InLoop
	sameLoop  string // Loops.SameLoop, for x before y in the alphabet
	reaches   string // Reaches(x, y), x == y included
	dominates string // Dominates(x, y), x != y
	runsAgain string // RunsAgain, stopping at blocks that call fatal
	selfLoop  bool   // a block of f jumps to itself
}{
	{
		name:      "straight line",
		body:      `a(); b(); c()`,
		reaches:   "a>b a>c b>c",
		dominates: "a>b a>c b>c",
	},
	{
		name:      "a loop that may not run",
		body:      `a(); for i := 0; i < n; i++ { b(); d() }; c()`,
		inLoop:    "b d",
		sameLoop:  "b>d",
		reaches:   "a>b a>c a>d b>b b>c b>d d>b d>c d>d",
		dominates: "a>b a>c a>d b>d",
		runsAgain: "b d",
	},
	{
		name:      "branches",
		body:      `a(); if n > 0 { b() } else { c() }; d()`,
		reaches:   "a>b a>c a>d b>d c>d",
		dominates: "a>b a>c a>d",
	},
	{
		name:      "a loop inside a loop is one cycle with it",
		body:      `for { a(); for n > 0 { b() }; if n < 0 { break } }; c()`,
		inLoop:    "a b",
		sameLoop:  "a>b",
		reaches:   "a>a a>b a>c b>a b>b b>c",
		dominates: "a>b a>c",
		runsAgain: "a b",
	},
	{
		name:      "a block that jumps to itself",
		body:      `a(); for cond() { }; c()`,
		reaches:   "a>c",
		dominates: "a>c",
		selfLoop:  true,
	},
	{
		name:      "two loops one after the other",
		body:      `for i := 0; i < n; i++ { a() }; for i := 0; i < n; i++ { b() }`,
		inLoop:    "a b",
		reaches:   "a>a a>b b>b",
		runsAgain: "a b",
	},
	{
		name:      "every way round stops",
		body:      `for i := 0; i < n; i++ { a(); if n > 1 { b(); fatal() } else { c(); fatal() } }`,
		inLoop:    "a b c",
		sameLoop:  "a>b a>c b>c",
		reaches:   "a>a a>b a>c b>a b>b b>c c>a c>b c>c",
		dominates: "a>b a>c",
		runsAgain: "b c", // b and c themselves are not tested
	},
	{
		name:      "one way round does not stop",
		body:      `for i := 0; i < n; i++ { a(); if n > 1 { b(); fatal() } }`,
		inLoop:    "a b",
		sameLoop:  "a>b",
		reaches:   "a>a a>b b>a b>b",
		dominates: "a>b",
		runsAgain: "a b",
	},
}

func TestBlocks(t *testing.T) {
	t.Parallel()
	for _, tc := range blockCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := build(t, `func a() {}; func b() {}; func c() {}; func d() {}; func fatal() {}; func cond() bool { return false }
				func f(n int) { `+tc.body+` }`)
			calls := markers(pkg.Func("f"))
			names := slices.Sorted(func(yield func(string) bool) {
				for name := range calls {
					if !yield(name) {
						return
					}
				}
			})
			var loops ssaflow.Loops
			stop := func(b *ssa.BasicBlock) bool { return slices.ContainsFunc(b.Instrs, isCallOf("fatal")) }
			var inLoop, same, reaches, dominates, again []string
			for _, x := range names {
				if loops.InLoop(calls[x]) {
					inLoop = append(inLoop, x)
				}
				if ssaflow.RunsAgain(calls[x].Block(), stop) {
					again = append(again, x)
				}
				for _, y := range names {
					pair := x + ">" + y
					if x < y && loops.SameLoop(calls[x], calls[y]) {
						same = append(same, pair)
					}
					if ssaflow.Reaches(calls[x], calls[y]) {
						reaches = append(reaches, pair)
					}
					if x != y && ssaflow.Dominates(calls[x], calls[y]) {
						dominates = append(dominates, pair)
					}
				}
			}
			for _, r := range []struct{ what, got, want string }{
				{"InLoop", strings.Join(inLoop, " "), tc.inLoop},
				{"SameLoop", strings.Join(same, " "), tc.sameLoop},
				{"Reaches", strings.Join(reaches, " "), tc.reaches},
				{"Dominates", strings.Join(dominates, " "), tc.dominates},
				{"RunsAgain", strings.Join(again, " "), tc.runsAgain},
			} {
				if r.got != r.want {
					t.Errorf("%s: %q, want %q", r.what, r.got, r.want)
				}
			}
			if got := checkLoops(t, pkg.Func("f")); got != tc.selfLoop {
				t.Errorf("a block jumps to itself: %v, want %v", got, tc.selfLoop)
			}
		})
	}
}

// checkLoops compares the memoised loops of fn's blocks with the plain
// definition: a block is on a loop when it reaches itself, two blocks are
// on one when each reaches the other. It reports whether a block of fn
// jumps to itself.
func checkLoops(t *testing.T, fn *ssa.Function) bool {
	t.Helper()
	var loops ssaflow.Loops
	reaches := func(x, y *ssa.BasicBlock) bool {
		return ssaflow.ReachesBlock(x.Succs, func(b *ssa.BasicBlock) bool { return b == y }, nil)
	}
	selfLoop := false
	for _, x := range fn.Blocks {
		selfLoop = selfLoop || slices.Contains(x.Succs, x)
		if got, want := loops.BlockInLoop(x), reaches(x, x); got != want {
			t.Errorf("BlockInLoop(%s) = %v, want %v", x, got, want)
		}
		for _, y := range fn.Blocks {
			if len(x.Instrs) == 0 || len(y.Instrs) == 0 {
				continue
			}
			if got, want := loops.SameLoop(x.Instrs[0], y.Instrs[0]), reaches(x, y) && reaches(y, x); got != want {
				t.Errorf("SameLoop(%s, %s) = %v, want %v", x, y, got, want)
			}
		}
	}
	return selfLoop
}

// markers returns f's calls of the marker functions by name.
func markers(f *ssa.Function) map[string]ssa.Instruction {
	calls := make(map[string]ssa.Instruction)
	for _, b := range f.Blocks {
		for _, instr := range b.Instrs {
			for _, name := range []string{"a", "b", "c", "d"} {
				if isCallOf(name)(instr) {
					calls[name] = instr
				}
			}
		}
	}
	return calls
}

func isCallOf(name string) func(ssa.Instruction) bool {
	return func(instr ssa.Instruction) bool {
		call, ok := instr.(*ssa.Call)
		if !ok {
			return false
		}
		fn := callee.Func(call.Common())
		return fn != nil && fn.Name() == name
	}
}

func TestReachesBlockFrom(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func f(n int) int { if n > 0 { n++ }; return n }`)
	blocks := pkg.Func("f").Blocks
	entry, exit := blocks[0], blocks[len(blocks)-1]
	is := func(x *ssa.BasicBlock) func(*ssa.BasicBlock) bool {
		return func(b *ssa.BasicBlock) bool { return b == x }
	}
	from := []*ssa.BasicBlock{entry}
	for _, r := range []struct {
		what         string
		target, stop func(*ssa.BasicBlock) bool
		want         bool
	}{
		{"a block of from reaches itself", is(entry), nil, true},
		{"the exit", is(exit), nil, true},
		{"the exit past a stop at the entry", is(exit), is(entry), false},
		{"the entry that is also a stop", is(entry), is(entry), true},
	} {
		if got := ssaflow.ReachesBlock(from, r.target, r.stop); got != r.want {
			t.Errorf("%s: %v, want %v", r.what, got, r.want)
		}
	}
}

// ReachesBlockOn follows only the edges next gives.
func TestReachesBlockOn(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func f(n int) int { if n > 0 { n++ }; return n }`)
	blocks := pkg.Func("f").Blocks
	entry, exit := blocks[0], blocks[len(blocks)-1]
	isExit := func(b *ssa.BasicBlock) bool { return b == exit }
	for _, r := range []struct {
		what string
		keep []int // the successors of the entry followed
		want bool
	}{
		{"both edges", []int{0, 1}, true},
		{"through the increment only", []int{0}, true},
		{"the direct edge only", []int{1}, true},
		{"no edge out of the entry", nil, false},
	} {
		next := func(b *ssa.BasicBlock) []*ssa.BasicBlock {
			if b != entry {
				return b.Succs
			}
			var out []*ssa.BasicBlock
			for _, i := range r.keep {
				out = append(out, b.Succs[i])
			}
			return out
		}
		if got := ssaflow.ReachesBlockOn([]*ssa.BasicBlock{entry}, isExit, nil, next); got != r.want {
			t.Errorf("%s: %v, want %v", r.what, got, r.want)
		}
	}
}

// ReachesAvoiding finds a path from one marker (or the entry) to another
// that runs no call of a third in between.
func TestReachesAvoiding(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func a() {}; func b() {}; func c() {}; func d() {}
		func f(n int) { a(); if n > 0 { b(); c() }; d() }
		func g(n int) { for i := 0; i < n; i++ { a(); b() }; d() }`)
	for _, r := range []struct {
		fn, from, to, avoid string // from "" is the entry
		want                bool
	}{
		{"f", "a", "d", "c", true}, // around the branch
		{"f", "b", "d", "c", false},
		{"f", "b", "c", "d", true},
		{"f", "", "d", "c", true},
		{"f", "", "d", "a", false},
		{"f", "d", "a", "b", false}, // no way back
		{"g", "a", "a", "b", false},
		{"g", "b", "a", "d", true}, // round the loop
		{"g", "a", "d", "b", false},
		{"g", "", "d", "a", true}, // the loop may not run
	} {
		calls := markers(pkg.Func(r.fn))
		var from ssa.Instruction
		if r.from != "" {
			from = calls[r.from]
		}
		if got := ssaflow.ReachesAvoiding(from, calls[r.to], isCallOf(r.avoid)); got != r.want {
			t.Errorf("%s: %q to %q avoiding %q: %v, want %v", r.fn, r.from, r.to, r.avoid, got, r.want)
		}
	}
}

// TestInvariant judges the argument of use, called in a loop, in each
// function: its value is the same on every round, or may change.
func TestInvariant(t *testing.T) {
	t.Parallel()
	pkg := build(t, `type cfg struct{ URL string; n int }
		func use(string) {}
		func next() string { return "" }
		func param(host string, c *cfg) { for i := 0; i < 3; i++ { use("http://" + host + c.URL) } }
		func outside(host string) { u := "http://" + host; for i := 0; i < 3; i++ { use(u) } }
		func counter(host string) { for i := 0; i < 3; i++ { use(host + string(rune(i))) } }
		func called() { for i := 0; i < 3; i++ { use(next()) } }
		func ranged(hosts []string) { for _, h := range hosts { use(h) } }
		func element(hosts []string, j int) { for i := 0; i < 3; i++ { use(hosts[j]) } }
		func noLoop(host string) { use(host + next()) }`)
	for _, tc := range []struct {
		fn   string
		want bool
	}{
		{"param", true}, {"outside", true}, {"counter", false}, {"called", false},
		{"ranged", false}, {"element", true}, {"noLoop", true},
	} {
		var l ssaflow.Loops
		use := callOfUse(t, pkg.Func(tc.fn))
		if got := l.Invariant(use.Call.Args[0], use); got != tc.want {
			t.Errorf("%s: Invariant = %v, want %v", tc.fn, got, tc.want)
		}
	}
}

// TestNextItems tells whether the argument of use comes from an item that
// its loop takes anew each round.
func TestNextItems(t *testing.T) {
	t.Parallel()
	pkg := build(t, `func use(string) {}
		func ranged(xs []string) { for _, x := range xs { use(x) } }
		func indexed(xs []string) { for i := 0; i < len(xs); i++ { use(xs[i]) } }
		func received(ch chan string) { for x := range ch { use(x) } }
		func keys(m map[string]int) { for k := range m { use(k) } }
		func attempt(s string) { for i := 0; i < 3; i++ { use(s + string(rune(i))) } }
		func same(s string) { for i := 0; i < 3; i++ { use(s) } }`)
	for _, tc := range []struct {
		fn   string
		want bool
	}{
		{"ranged", true}, {"indexed", true}, {"received", true}, {"keys", true},
		{"attempt", false}, {"same", false},
	} {
		use := callOfUse(t, pkg.Func(tc.fn))
		if got := len(ssaflow.NextItems(use)) > 0; got != tc.want {
			t.Errorf("%s: items found = %v, want %v", tc.fn, got, tc.want)
		}
	}
}

// callOfUse returns the last call of the function use in fn.
func callOfUse(t *testing.T, fn *ssa.Function) *ssa.Call {
	t.Helper()
	var use *ssa.Call
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if f, ok := c.Call.Value.(*ssa.Function); ok && f.Name() == "use" {
					use = c
				}
			}
		}
	}
	if use == nil {
		t.Fatalf("%s: no call of use", fn.Name())
	}
	return use
}
