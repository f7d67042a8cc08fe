package respbody

import (
	"fmt"
	"go/token"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// An exit is where a path leaves a function with the body still open.
type exit struct {
	instr     ssa.Instruction // a Return, or the producing call reached again
	notClosed ssa.CallInstruction
	looped    bool // reached by going round a loop through the call
	// failed: a retried closure returns an error here, and the next
	// attempt overwrites the variable it left the response in.
	failed bool
}

// paths is what the walk of one tracked response found.
type paths struct {
	leaks []exit
	// returned holds the indices of the function's results that hand the
	// open response back to the caller on some path.
	returned map[int]kind
	// rets holds the returns that hand the open response back.
	rets []*ssa.Return
	// retGuards holds the guards that every path handing the open
	// response back has taken, with the same value on each.
	retGuards []decision
	// unread holds the direct closes of the body that some path reaches
	// without reading it.
	unread []*ssa.Call
	// unreadReturns holds the returns of a nil error (or of a function
	// without one) that a path reaches past a deferred close without
	// reading the body.
	unreadReturns []*ssa.Return
}

// A point is a place on a path: an instruction index in a block, and the
// values known on this path to hold the producing call's error (values,
// or addresses of variables).
type point struct {
	block     *ssa.BasicBlock
	at        int
	errs      []ssa.Value
	notClosed ssa.CallInstruction
	looped    bool
	mayClosed bool // passed to a function that closes it on some paths
	attempt   bool // stored in the variable of a retried closure's attempt
	cancelled bool // the request's context is cancelled when the function returns
	read      bool // the body is (or may be) read on the path
	// deferred: a close of the body is deferred on the path; it goes on
	// only to see whether the body is read before a return.
	deferred bool
	// skip: a close of the body is deferred unless this flag is set (see
	// [skipFlag]); a return that no setting of it can precede is closed.
	skip *ssa.Alloc
	// notFound: the path has established status 404 Not Found, an answer
	// about the resource that lookups meet as a normal outcome.
	notFound bool
	// guards holds the values the path has taken the function's guards
	// with (see [guardOf]): a later If on one of them takes the same side.
	guards []decision
}

// walk follows every path from the instruction at start.Instrs[at] and
// collects the exits where the response is still open. A path ends where
// the body is closed or the response handed off (t.effects), where the
// producing call failed (its error is compared with nil, or the response
// is), at a panic or a call that does not return, and at a return.
// source is the producing call, or nil when walking a parameter.
func (s *state) walk(t *tracked, start *ssa.BasicBlock, at int, source ssa.Instruction, errs []ssa.Value) paths {
	res := paths{returned: make(map[int]kind)}
	seen := make(map[string]bool)
	stack := []point{{block: start, at: at, errs: errs, guards: t.start}}
	for len(stack) > 0 {
		if !s.bound.take(t.fn, source) {
			return paths{returned: res.returned} // see [bound]
		}
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		key := p.key()
		if seen[key] {
			continue
		}
		seen[key] = true
		s.walkBlock(t, p, source, &res, &stack)
	}
	return res
}

func (s *state) walkBlock(t *tracked, p point, source ssa.Instruction, res *paths, stack *[]point) {
	b := p.block
	for i := p.at; i < len(b.Instrs); i++ {
		instr := b.Instrs[i]
		if instr == source {
			// The call runs again while the previous response is still
			// open: it is lost.
			if !p.mayClosed && !p.deferred {
				res.leaks = append(res.leaks, exit{instr: instr, notClosed: p.notClosed, looped: true})
			}
			return
		}
		switch instr := instr.(type) {
		case *ssa.Store:
			if contains(p.errs, instr.Val) {
				p.errs = with(p.errs, instr.Addr)
			} else if contains(p.errs, instr.Addr) {
				p.errs = without(p.errs, instr.Addr)
			}
		case *ssa.UnOp:
			if instr.Op == token.MUL && contains(p.errs, instr.X) {
				p.errs = with(p.errs, instr)
			}
		}
		if e := t.effects[instr]; e != nil {
			switch d, isDefer := instr.(*ssa.Defer); {
			case isDefer && e.ends && e.close && !e.read && !e.kept && directClose(d):
				if p.deferred {
					return
				}
				p.deferred = true
				continue
			case e.ends:
				if c, ok := instr.(*ssa.Call); ok && e.close && !e.read && !p.read && !p.deferred && directClose(c) && !slices.Contains(res.unread, c) {
					res.unread = append(res.unread, c)
				}
				return
			}
			if e.read {
				p.read = true
			}
			if d, isDefer := instr.(*ssa.Defer); isDefer && e.close && !e.read && !e.kept {
				if a := skipFlag(d); a != nil {
					// Closed at a return unless the flag is set before it.
					p.skip = a
					continue
				}
			}
			if d, isDefer := instr.(*ssa.Defer); e.mayClose || isDefer && e.close && readsResults(d) {
				// A deferred closure that closes the body on some of its
				// paths, by the function's results (`defer func() { if
				// err != nil { resp.Body.Close() } }()`), may close it at
				// any return.
				p.mayClosed = true
			}
			if e.errReleases {
				// Where its error is not nil the body is read to EOF:
				// those successors carry no open body, the others do.
				var errs []ssa.Value
				if c, ok := instr.(ssa.CallInstruction); ok {
					errs = ssaflow.ErrorResult(c)
				}
				for _, v := range errs {
					p.errs = with(p.errs, v)
				}
				p.mayClosed = p.mayClosed || len(errs) == 0
			}
			if e.notClosed != nil {
				p.notClosed = e.notClosed
			}
			if e.attempt {
				p.attempt = true
			}
			if e.cancels {
				p.cancelled = true
			}
		}
		if noReturn(instr) {
			return
		}
		switch instr := instr.(type) {
		case *ssa.Return:
			if p.skip != nil && !flagSetBefore(p.skip, instr) {
				p.deferred = true // the deferred closure closes here
			}
			if p.deferred {
				// Closed by the deferred call: no leak, and not handed back.
				if !p.read && (succeeds(instr) || p.notFound) && !slices.Contains(res.unreadReturns, instr) {
					res.unreadReturns = append(res.unreadReturns, instr)
				}
				return
			}
			returned := false
			// A response whose request's context is cancelled when fn
			// returns is dead once its caller has it: the transport
			// closes the connection (see [state.contextDone]).
			dead := t.cancelledAtExit || p.cancelled
			for i, r := range instr.Results {
				if k := resultKind(t, r); k != 0 && !dead {
					res.returned[i] = k
					returned = true
				}
			}
			if returned {
				if len(res.rets) == 0 {
					res.retGuards = p.guards
				} else {
					res.retGuards = common(res.retGuards, p.guards)
				}
				if !slices.Contains(res.rets, instr) {
					res.rets = append(res.rets, instr)
				}
			}
			switch {
			case returned || p.mayClosed || t.cancelledAtExit || p.cancelled:
			case !p.attempt:
				res.leaks = append(res.leaks, exit{instr: instr, notClosed: p.notClosed, looped: p.looped})
			case s.failing(instr, p.errs):
				res.leaks = append(res.leaks, exit{instr: instr, notClosed: p.notClosed, looped: p.looped, failed: true})
			} // else the attempt succeeded: the enclosing function has it
			return
		case *ssa.Panic:
			return
		case *ssa.If:
			skip := prune(t, instr.Cond, p.errs)
			if j, ok := t.settled[instr]; ok {
				skip = j // the body holds no connection there: the path is done
			}
			found := statusSucc(t, instr.Cond, is404)
			g, neg, isGuard := guardOf(t.fn, instr.Cond)
			for j, succ := range b.Succs {
				if j != skip {
					q := p
					q.notFound = p.notFound || j == found
					if isGuard {
						var possible bool
						if q.guards, possible = take(p.guards, g, (j == 0) != neg); !possible {
							continue // the other side of a test the path has made
						}
					}
					follow(q, b, succ, source, stack)
				}
			}
			return
		case *ssa.Jump:
			follow(p, b, b.Succs[0], source, stack)
			return
		}
	}
}

// follow continues a path from b into succ. A path from the producing call
// that enters a block dominating the call's block has gone round a loop;
// its leaks are the loop's (see [releasedInLoop]).
func follow(p point, b, succ *ssa.BasicBlock, source ssa.Instruction, stack *[]point) {
	q := enter(p, b, succ)
	if source != nil && succ.Dominates(source.Block()) {
		q.looped = true
	}
	*stack = append(*stack, q)
}

// releasedInLoop reports whether the response is closed or handed off
// somewhere on a cycle through the producing call's block. A loop that
// releases the response on its way round, but not on every path, is
// usually one whose other paths are impossible in ways the walk cannot
// see (a flag set together with the status, a counter's last round, a
// slice that is never empty after the first); "runs again" is reported
// only for loops that never release it. A release made only for some
// statuses (`if resp.StatusCode >= 400 { ...; resp.Body.Close();
// continue }`) is no such sign: the server picks the status, so the
// loop's other paths are real.
func (s *state) releasedInLoop(t *tracked, source ssa.Instruction) bool {
	for instr, e := range t.effects {
		if e.ends && s.loops.SameLoop(instr, source) && !underStatus(t, instr, source) {
			return true
		}
	}
	return false
}

// enter moves a path from block b into succ, carrying the error through
// the φ-nodes that take it on this edge.
func enter(p point, b, succ *ssa.BasicBlock) point {
	q := point{block: succ, errs: p.errs, notClosed: p.notClosed, looped: p.looped, mayClosed: p.mayClosed, attempt: p.attempt, cancelled: p.cancelled, read: p.read, deferred: p.deferred, skip: p.skip, notFound: p.notFound, guards: p.guards}
	pred := -1
	for i, pr := range succ.Preds {
		if pr == b {
			pred = i
			break
		}
	}
	for _, instr := range succ.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			break
		}
		if pred >= 0 && contains(p.errs, phi.Edges[pred]) {
			q.errs = with(q.errs, phi)
		} else {
			q.errs = without(q.errs, phi)
		}
	}
	return q
}

func (p point) key() string {
	var sb strings.Builder
	sb.WriteString(p.block.String())
	sb.WriteByte(':')
	sb.WriteString(strconv.Itoa(p.at))
	if p.looped {
		sb.WriteString(" looped")
	}
	if p.mayClosed {
		sb.WriteString(" mayClosed")
	}
	if p.attempt {
		sb.WriteString(" attempt")
	}
	if p.cancelled {
		sb.WriteString(" cancelled")
	}
	if p.read {
		sb.WriteString(" read")
	}
	if p.deferred {
		sb.WriteString(" deferred")
	}
	if p.skip != nil {
		sb.WriteString(" skip" + p.skip.Name())
	}
	if p.notFound {
		sb.WriteString(" notFound")
	}
	for _, d := range p.guards {
		fmt.Fprintf(&sb, " g%d.%d%s=%t", d.param, d.field, d.assert, d.val)
	}
	names := make([]string, len(p.errs))
	for i, e := range p.errs {
		names[i] = e.Name()
	}
	sort.Strings(names)
	for _, n := range names {
		sb.WriteByte(' ')
		sb.WriteString(n)
	}
	return sb.String()
}

func contains(vs []ssa.Value, v ssa.Value) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// with and without return modified copies: paths share their slices.
func with(vs []ssa.Value, v ssa.Value) []ssa.Value {
	if contains(vs, v) {
		return vs
	}
	return append(vs[:len(vs):len(vs)], v)
}

func without(vs []ssa.Value, v ssa.Value) []ssa.Value {
	if !contains(vs, v) {
		return vs
	}
	out := make([]ssa.Value, 0, len(vs)-1)
	for _, x := range vs {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

// noReturn reports whether instr is a call that never returns normally.
func noReturn(instr ssa.Instruction) bool {
	call, ok := instr.(*ssa.Call)
	if !ok {
		return false
	}
	fn := callee.Func(call.Common())
	if fn == nil {
		return false
	}
	return httpapi.NoReturn.Matches(fn)
}
