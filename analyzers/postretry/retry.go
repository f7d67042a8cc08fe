package postretry

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

type retryState int

const (
	unvisited retryState = iota
	visiting
	retried
	notRetried
)

// isRetried reports whether a failed send may be sent again: by a loop
// around it, or because every use of its function is retried.
//
// A call whose failure its function swallows (the function has no results
// and only prints the error: [ssaflow.ErrorSwallowed]) is retried only by
// such a loop: what calls the function again does not know it failed.
func (s *state) isRetried(call ssa.CallInstruction) bool {
	if s.loopRetries(call) {
		return true
	}
	if c, ok := call.(*ssa.Call); ok && ssaflow.ErrorSwallowed(c, printer) {
		return false
	}
	if obj, ok := call.Parent().Object().(*types.Func); ok && httpapi.IsRequeued(obj) {
		// A controller's Reconcile: its work queue runs it again when it
		// returns an error, so the call is retried when its failure is
		// returned.
		c, ok := call.(*ssa.Call)
		return ok && failureReturned(c)
	}
	return s.funcRetried(call.Parent())
}

// failureReturned reports whether c's function returns a non-nil error
// after c fails: a return whose last result may be c's error, or a
// non-nil error made where only c's failure leads (the error wrapped, or
// another made for it), also through a function's named results
// ([ssaflow.LastResultAfter]).
func failureReturned(c *ssa.Call) bool {
	errs := ssaflow.ErrorValues(c)
	failures := ssaflow.FailureBranches(c)
	afterFailure := func(v ssa.Value) bool {
		instr, ok := v.(ssa.Instruction)
		return ok && !ssaflow.IsNil(v) && slices.ContainsFunc(failures, func(f *ssa.BasicBlock) bool { return f.Dominates(instr.Block()) })
	}
	for _, r := range ssaflow.Returns(c.Parent()) {
		for _, v := range ssaflow.LastResultAfter(c, r) {
			if slices.Contains(errs, v) || afterFailure(v) {
				return true
			}
		}
	}
	return false
}

// printer reports whether a call only prints its arguments.
func printer(c *ssa.CallCommon) bool { return httpapi.Printers.Matches(callee.Func(c)) }

// loopRetries reports whether call is sent again after it fails: the
// failure branch (its error result compared with nil and found set) leads
// to it again (a loop with "continue", a backoff, a labelled continue of an
// outer loop) or to another call of the same function with the same
// arguments or in a loop (a retry after a first attempt). A loop that does
// not compare the error with nil counts as retrying. Goroutines and
// deferred calls are not retries; calls that do not return (t.Fatal,
// log.Fatal, os.Exit) and waits for a ticker's next tick end a path, and
// so do branches taken only for a temporary or timeout error (see
// [state.classTests]) or a sentinel one (see [neverBranches]).
func (s *state) loopRetries(call ssa.CallInstruction) bool {
	c, ok := call.(*ssa.Call)
	if !ok || httpflow.WaitsForTick(c.Block()) {
		return false // not a call, or one that each tick makes again
	}
	failures, never := ssaflow.FailureBranches(c), neverBranches(c)
	// A way back that takes the next item sends that item, not this one
	// again: a loop over work items (heroku/log-shuttle#25's batches). A
	// loop that may leave after a success and otherwise takes the next
	// item (the next peer, the next responder) tries the same request
	// elsewhere: a failover, which is a retry.
	items := ssaflow.NextItems(c)
	if len(items) > 0 && s.leavesOnSuccess(c, failures, items) {
		items = nil
	}
	if items[c.Block()] {
		return false // each round of the call's block takes an item
	}
	next := untaken(s.classTests(ssaflow.ErrorValues(c)))
	stop := func(b *ssa.BasicBlock) bool { return never[b] || endsTry(b) || items[b] }
	if len(failures) == 0 {
		return ssaflow.ReachesBlockOn(next(c.Block()), func(b *ssa.BasicBlock) bool { return b == c.Block() }, stop, next)
	}
	fn := callee.Func(&c.Call)
	return ssaflow.ReachesBlockOn(failures, func(b *ssa.BasicBlock) bool {
		return b == c.Block() || slices.ContainsFunc(b.Instrs, func(instr ssa.Instruction) bool {
			other, ok := instr.(*ssa.Call)
			if !ok {
				return false
			}
			if callsAgain(c.Parent(), &other.Call) {
				return true // a recursive retry helper
			}
			return fn != nil && callee.Func(&other.Call) == fn && (sameArgs(&c.Call, &other.Call) || ssaflow.RunsAgain(b, noReturn))
		})
	}, stop, next)
}

// leavesOnSuccess reports whether a path from c's success (the
// successors of its block that are no failure branch) leaves c's loop (a
// break, a return) other than through a block that takes the next item: a
// failover that stops at the first good answer from one peer or another.
// A loop over work items leaves only when the items run out.
func (s *state) leavesOnSuccess(c *ssa.Call, failures []*ssa.BasicBlock, items map[*ssa.BasicBlock]bool) bool {
	success := slices.DeleteFunc(slices.Clone(c.Block().Succs), func(b *ssa.BasicBlock) bool { return slices.Contains(failures, b) })
	return ssaflow.ReachesBlock(success, func(b *ssa.BasicBlock) bool {
		return len(b.Instrs) > 0 && !s.loops.SameLoop(b.Instrs[0], c)
	}, func(b *ssa.BasicBlock) bool { return items[b] || b == c.Block() })
}

// callsAgain reports whether call is a static call of fn, the function it
// is in, that passes fn's parameters on: each as itself or, for an
// integer, stepped by a constant (post(url, body, retries-1)). That runs
// the function's send again with what it was given.
func callsAgain(fn *ssa.Function, call *ssa.CallCommon) bool {
	body := callee.Body(call)
	if body == nil || body != fn && body != fn.Origin() || len(call.Args) != len(fn.Params) {
		return false
	}
	for i, arg := range call.Args {
		if arg != fn.Params[i] && !stepped(arg, fn.Params[i]) {
			return false
		}
	}
	return true
}

// stepped reports whether v is the integer p plus or minus a constant.
func stepped(v ssa.Value, p *ssa.Parameter) bool {
	bin, ok := v.(*ssa.BinOp)
	if !ok || bin.Op != token.ADD && bin.Op != token.SUB {
		return false
	}
	if b, ok := p.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	_, xConst := bin.X.(*ssa.Const)
	_, yConst := bin.Y.(*ssa.Const)
	return bin.X == p && yConst || bin.Op == token.ADD && bin.Y == p && xConst
}

// endsTry reports whether a path through b is no way back to a failed
// send: b ends the program, or waits for the next tick of a ticker (a
// loop over ticks sends the next report, it does not retry the last).
func endsTry(b *ssa.BasicBlock) bool { return noReturn(b) || httpflow.WaitsForTick(b) }

// sameArgs reports whether two calls pass the same values.
func sameArgs(a, b *ssa.CallCommon) bool {
	if a.Value != b.Value || a.Method != b.Method || len(a.Args) != len(b.Args) {
		return false
	}
	for i, x := range a.Args {
		y := b.Args[i]
		if x != y && !ssaflow.SameConst(x, y) {
			return false
		}
	}
	return true
}

// neverBranches returns the blocks that would run only if the call's error
// equalled a sentinel error it can never be (see [sentinelBranch]): none
// unless the call is a Client's send.
func neverBranches(c *ssa.Call) map[*ssa.BasicBlock]bool {
	fn := callee.Func(&c.Call)
	if !httpapi.ClientSends.Matches(fn) && !clientFuncs.Matches(fn) {
		return nil
	}
	never := make(map[*ssa.BasicBlock]bool)
	for _, v := range ssaflow.ErrorValues(c) {
		for _, ref := range *v.Referrers() {
			if bin, ok := ref.(*ssa.BinOp); ok && (bin.Op == token.EQL || bin.Op == token.NEQ) && !ssaflow.IsNil(bin.X) && !ssaflow.IsNil(bin.Y) {
				if b := sentinelBranch(bin); b != nil {
					never[b] = true
				}
			}
		}
	}
	return never
}

// clientFuncs are net/http's package-level sends, which go through
// DefaultClient.
var clientFuncs = httpapi.Callees{httpapi.Post, httpapi.PostForm, httpapi.Get, httpapi.Head}

// sentinelBranch returns the block that runs only when an error compares
// equal, in cmp, to a sentinel: a variable of the standard library (io.EOF)
// or a constant (syscall.ECONNRESET). An error that a Client returns is always a new
// *url.Error (Client.do in net/http/client.go wraps every error with
// uerr), so that block never runs for it; errors.Is unwraps and is not a
// comparison. nil if cmp is not such a comparison or the block has other
// ways in.
func sentinelBranch(cmp *ssa.BinOp) *ssa.BasicBlock {
	if !sentinel(cmp.X) && !sentinel(cmp.Y) {
		return nil
	}
	for _, use := range *cmp.Referrers() {
		if ifInstr, ok := use.(*ssa.If); ok {
			b := ifInstr.Block().Succs[0]
			if cmp.Op == token.NEQ {
				b = ifInstr.Block().Succs[1]
			}
			if len(b.Preds) == 1 {
				return b
			}
		}
	}
	return nil
}

func sentinel(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		_, isConst := mi.X.(*ssa.Const)
		return isConst
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && httpapi.IsStd(g.Object().Pkg())
}

// noReturn reports whether a block ends its paths with a call that does not
// return.
func noReturn(b *ssa.BasicBlock) bool {
	return slices.ContainsFunc(b.Instrs, func(instr ssa.Instruction) bool {
		call, ok := instr.(*ssa.Call)
		if !ok {
			return false
		}
		fn := callee.Func(&call.Call)
		return fn != nil && httpapi.NoReturn.Matches(fn)
	})
}

// funcRetried reports whether every use of fn retries it: each call of it
// sits in a retrying loop or in a function that is itself retried, and each
// time it is passed as a value, what it is passed to may retry it. Calls
// through an interface of the package that fn implements count as calls of
// it ([ssaflow.Index.Invokers]). An exported function (or method) may have
// callers elsewhere that do not retry, and is not retried unless the
// package calls it through such an interface; main and init are never.
func (s *state) funcRetried(fn *ssa.Function) bool {
	switch s.retried[fn] {
	case visiting:
		return false // recursion: no retry found on this path
	case retried:
		return true
	case notRetried:
		return false
	}
	s.retried[fn] = visiting
	ok := s.usesRetried(fn)
	s.retried[fn] = notRetried
	if ok {
		s.retried[fn] = retried
	}
	return ok
}

func (s *state) usesRetried(fn *ssa.Function) bool {
	anonymous := fn.Parent() != nil
	// A method that implements an interface of the package, called through
	// it, is called there too (a queue retrying its WriteClient's Store).
	// An exported one counts as the package's own when the package calls
	// it that way: its calls elsewhere are not seen.
	var invokers []ssa.CallInstruction
	if !anonymous {
		invokers = s.index.Invokers(fn)
		obj := fn.Object()
		if obj == nil || obj.Exported() && len(invokers) == 0 || fn.Name() == "main" || fn.Name() == "init" {
			return false
		}
	}
	uses := 0
	if !anonymous { // calls of closures are found through their values
		for _, call := range slices.Concat(s.index.Callers(fn), invokers) {
			if s.ignored(call, fn) {
				continue
			}
			uses++
			if !s.isRetried(call) {
				return false
			}
		}
	}
	for _, use := range s.valueUses()[fn] {
		if s.ignored(use.instr, fn) {
			continue
		}
		uses++
		if !s.valueRetried(use.instr, use.value) {
			return false
		}
	}
	return uses > 0
}

// ignored reports whether call, a call of judged (the function whose
// retries are being decided; nil when not known), is in a test file that
// says nothing of the program: any test file when judged is not in one
// (a test calling a production function directly says nothing about how
// the program retries it, with -postretry.tests too), and every test file
// when the options leave them out.
func (s *state) ignored(call ssa.Instruction, judged *ssa.Function) bool {
	if !report.InTest(s.pass.Fset, call.Parent().Pos()) {
		return false
	}
	return !s.opts.Tests || judged == nil || !report.InTest(s.pass.Fset, judged.Pos())
}

// A valueUse is an instruction that uses a function as a value.
type valueUse struct {
	instr ssa.Instruction
	value ssa.Value // the function or the closure made of it
}

// valueUses indexes, once per package, where each function is used as a
// value: closures made of it, bound methods, references to it.
func (s *state) valueUses() map[*ssa.Function][]valueUse {
	if s.values != nil {
		return s.values
	}
	s.values = make(map[*ssa.Function][]valueUse)
	var ops []*ssa.Value
	for _, fn := range s.index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					target := s.declared(mc.Fn.(*ssa.Function))
					s.values[target] = append(s.values[target], valueUse{mc, mc})
					continue
				}
				var callValue ssa.Value
				if call, ok := instr.(ssa.CallInstruction); ok && !call.Common().IsInvoke() {
					callValue = call.Common().Value
				}
				for _, op := range instr.Operands(ops[:0]) {
					if f, ok := (*op).(*ssa.Function); ok && f != callValue {
						target := s.declared(f)
						s.values[target] = append(s.values[target], valueUse{instr, f})
					}
				}
			}
		}
	}
	return s.values
}

// declared maps a bound-method or thunk wrapper, or a generic instance, to
// the function as declared in the package.
func (s *state) declared(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Synthetic == "" || fn.Object() == nil {
		return fn
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		if d := s.index.Pkg.Prog.FuncValue(obj.Origin()); d != nil {
			return d
		}
	}
	return fn
}

// valueRetried reports whether a function value used by instr may be
// retried: it is called in a retrying loop or a retried function, or passed
// to code that may retry it (a function of another package whose body is not
// seen, other than those in httpapi.RunOnce, or any place the package cannot
// follow).
func (s *state) valueRetried(instr ssa.Instruction, v ssa.Value) bool {
	if v.Referrers() != nil { // a closure or an anonymous function: trace it
		return s.flowRetried(s.local().Trace(v))
	}
	// A named function: look at the one instruction that uses it.
	switch instr := instr.(type) {
	case ssa.CallInstruction:
		fn := callee.Body(instr.Common())
		if fn == nil || fn.Pkg != s.index.Pkg {
			retries, known := s.callRetries(instr, v)
			return retries || !known && handOffRetries(instr)
		}
		for i, arg := range instr.Common().Args {
			if arg == v && i < len(fn.Params) && s.flowRetried(s.local().Trace(fn.Params[i])) {
				return true
			}
		}
		return false
	case ssa.Value:
		return s.flowRetried(s.local().Trace(instr))
	case *ssa.Store:
		return s.storedRetried(instr)
	}
	return true // stored where the package cannot follow it
}

// flowRetried reports whether a traced function value is called where the
// call is retried, or leaves for code that may retry it.
func (s *state) flowRetried(flow *ssaflow.Flow) bool {
	for _, v := range flow.Values {
		for _, ref := range s.index.Referrers(v) {
			call, ok := ref.(ssa.CallInstruction)
			if ok && !call.Common().IsInvoke() && call.Common().Value == v && s.isRetried(call) {
				return true
			}
		}
	}
	for _, h := range flow.HandOffs {
		switch st, _ := h.Instr.(*ssa.Store); {
		case h.Kind == ssaflow.Call:
			call := h.Instr.(ssa.CallInstruction)
			if retries, known := s.callRetries(call, h.Value); retries || !known && handOffRetries(call) {
				return true
			}
		case st != nil:
			if s.storedRetried(st) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// handOffRetries reports whether a call into code the package cannot see
// may call a function passed to it repeatedly.
func handOffRetries(call ssa.CallInstruction) bool {
	fn := callee.Func(call.Common())
	return !httpapi.RunOnce.Matches(fn)
}
