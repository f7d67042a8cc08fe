package postretry

import (
	"go/token"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// This file finds second attempts without a loop: a send of a request,
// or of a new request built around its Body, after an earlier send of it
// failed or was answered, in the same function or in a helper of the
// package that the first attempt's function calls.

// firstAttempt returns an earlier send of the same request after which
// call runs (see [state.earlierSend]); nil otherwise.
func (s *state) firstAttempt(call ssa.CallInstruction, req *request, reqArg ssa.Value) ssa.Instruction {
	if _, ok := call.(*ssa.Call); !ok {
		return nil
	}
	return s.earlierSend(call, reqArg, req, maxAttemptDepth)
}

// earlierSend returns a send in at's function of the request that v is
// there, after whose failure or answer at runs without a loop
// ([state.afterAttempt]), when no Body store of req may run between them;
// or, when v is a parameter of that function, such a send before one of
// the package's calls of it, in the caller, up to depth calls up (a Do
// that hands a request it sent to onUnauthorized(req), which sends it
// again). nil otherwise.
func (s *state) earlierSend(at ssa.Instruction, v ssa.Value, req *request, depth int) ssa.Instruction {
	fn := at.Parent()
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			first, ok := instr.(*ssa.Call)
			if !ok || first == at || ssaflow.Reaches(at, first) {
				continue // the same send, or one that may come after it (a loop)
			}
			snd, ok := sendOf(callee.Func(&first.Call))
			if !ok {
				continue
			}
			_, arg, ok := snd.operands(first.Common())
			if !ok || arg == nil || !s.sameRequest(first, arg, v) || !s.afterAttempt(first, at.Block()) {
				continue
			}
			if !slices.ContainsFunc(req.bodyStores, func(st *ssa.Store) bool {
				return st.Parent() != fn || ssaflow.Reaches(first, st)
			}) {
				return first
			}
		}
	}
	p, ok := baseRequest(v).(*ssa.Parameter)
	if !ok || depth == 0 || fn.Parent() != nil {
		return nil
	}
	i := slices.Index(fn.Params, p)
	for _, c := range s.index.Callers(fn) {
		if s.ignored(c, fn) || c.Common().IsInvoke() || len(c.Common().Args) != len(fn.Params) {
			continue
		}
		if first := s.earlierSend(c, c.Common().Args[i], req, depth-1); first != nil {
			return first
		}
	}
	return nil
}

// afterAttempt reports whether b runs after first failed or after its
// answer was judged: a failure branch of first ([ssaflow.FailureBranches])
// or a branch of a test of the response's StatusCode (a 401 that makes
// the client fetch a new token and send again) leads to b. Either way
// the transport has read the body.
func (s *state) afterAttempt(first *ssa.Call, b *ssa.BasicBlock) bool {
	from := ssaflow.FailureBranches(first)
	if resp := ssaflow.CallResult(first, 0); resp != nil {
		for _, load := range httpflow.FieldLoads(s.index, []ssa.Value{resp}, httpapi.ResponseStatusCode) {
			for _, ref := range *load.Referrers() {
				cmp, ok := ref.(*ssa.BinOp)
				if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ && cmp.Op != token.LSS &&
					cmp.Op != token.LEQ && cmp.Op != token.GTR && cmp.Op != token.GEQ {
					continue
				}
				for _, use := range *cmp.Referrers() {
					if br, ok := use.(*ssa.If); ok {
						from = append(from, br.Block().Succs...)
					}
				}
			}
		}
	}
	return ssaflow.ReachesBlock(from, func(x *ssa.BasicBlock) bool { return x == b }, noReturn)
}

// rebuilt returns, for a request built by http.NewRequest around the Body
// of another request (`http.NewRequest(req.Method, u, req.Body)`), the
// reuse of that other request's body: the NewRequest call, and the earlier
// send of the other request ([state.earlierSend], from where its Body is
// loaded) that read the body to its end; the zero reuse when there is
// none. The other request's body counts as for a re-send of it
// ([state.candidates]), except that the request may be kept where other
// code can read it (a constructor of the package returns it): its Body
// is loaded where the package's own code runs after the first send.
func (s *state) rebuilt(call ssa.CallInstruction, req *request) reuse {
	for _, o := range req.origins {
		made, ok := o.(*ssa.Call)
		if !ok {
			continue
		}
		args := httpflow.NewRequestArgs(made)
		if args == nil {
			continue
		}
		for _, src := range s.back.Sources(args[2]).Sources {
			load, ok := src.Value.(*ssa.UnOp)
			if !ok || load.Op != token.MUL {
				continue
			}
			fa, ok := load.X.(*ssa.FieldAddr)
			if !ok || !httpapi.RequestBody.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
				continue
			}
			for _, r := range s.candidates(call, s.request(fa.X), fa.X) {
				if !consumable(call, r, true) {
					continue // kept: a constructor may return it, what matters is its body
				}
				if first := s.earlierSend(load, fa.X, r, maxAttemptDepth); first != nil {
					return reuse{attempt: first, first: true, made: made}
				}
			}
		}
	}
	return reuse{}
}
