package idleperhost

import (
	"fmt"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/ssa"
)

// A poolFact marks an exported function or method of a package that makes
// a transport (or a client on one) and returns it, with the pool its
// package leaves it: 2 idle connections per host, not handed off, not
// replaced. A package that calls the function judges the result as a
// transport it made itself (see [state.madeElsewhere]): its own settings,
// requests and concurrency decide. A transport factory and the workers
// that share its transport are often in two packages of one module
// (monsoon#3, restic#986, etcd#2900).
type poolFact struct {
	Result int    // the result that holds it
	Client bool   // an *http.Client on the transport; else the transport, or a RoundTripper holding it
	Raised string // a setting raised above 2 but not per host ("MaxIdleConns to 100"), or ""
}

func (*poolFact) AFact() {}

func (f *poolFact) String() string {
	what := "transport"
	if f.Client {
		what = "client"
	}
	return fmt.Sprintf("returns a %s keeping 2 idle connections per host (result %d%s)", what, f.Result, raisedNote(f.Raised))
}

func raisedNote(r string) string {
	if r == "" {
		return ""
	}
	return ", " + r
}

// factoryResult returns the value of call's result that holds a pool
// another package made (see [poolFact]), and the fact.
func (s *state) factoryResult(call *ssa.Call) (ssa.Value, *poolFact) {
	common := call.Common()
	if common.IsInvoke() {
		return nil, nil
	}
	fn := callee.Func(common)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == s.pass.Pkg {
		return nil, nil
	}
	f := s.made[fn]
	if f == nil {
		return nil, nil
	}
	if common.Signature().Results().Len() == 1 {
		return call, f
	}
	for _, ref := range *call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == f.Result {
			return ex, f
		}
	}
	return nil, nil
}

// madeElsewhere judges the pool that another package's function made and
// returned at root, as [state.transport] judges the package's own.
func (s *state) madeElsewhere(root ssa.Value, f *poolFact) {
	if s.rep.Generated(rootPos(root)) {
		return
	}
	p := rootPool(root)
	p.made = f
	if f.Client {
		s.client(p, root)
	} else {
		s.followTransport(p, root)
	}
	if p.perHost || p.off || p.replaced || p.handedOff || s.judge(root, p) {
		return
	}
	if p.returned {
		s.exportPool(p) // a factory of the package on top of the other's
	}
}

// exportPool records a [poolFact] for each exported function that returns
// p's transport or client to callers the package does not show. A
// function some of whose returns give callers something else gets none
// (see [state.checkExports]).
func (s *state) exportPool(p *pool) {
	if !s.facts {
		return
	}
	for _, h := range p.returns {
		ret, ok := h.Instr.(*ssa.Return)
		if !ok {
			continue
		}
		fn := ret.Parent()
		obj, _ := fn.Object().(*types.Func)
		i := slices.Index(ret.Results, h.Value)
		if obj == nil || fn.Parent() != nil || obj.Pkg() != s.pass.Pkg || !callee.Exported(obj) || i < 0 {
			continue
		}
		f := &poolFact{Result: i, Raised: raised(p)}
		switch t := ret.Results[i].Type(); {
		case httpapi.Client.MatchesPtr(t):
			f.Client = true
		case httpapi.Transport.MatchesPtr(t), types.IsInterface(t):
		default:
			continue // a struct holding it: its methods send, out of the callers' view
		}
		if old, ok := s.exports[obj]; ok && (old == nil || *old != *f) {
			s.exports[obj] = nil // two pools, or two settings: no fact
			continue
		}
		s.exports[obj] = f
		s.covered[ret] = true
	}
}

// checkExports exports the facts whose function returns, at every return,
// a pool that [state.exportPool] recorded, or nil.
func (s *state) checkExports() {
	for obj, f := range s.exports {
		fn := s.x.Pkg.Prog.FuncValue(obj)
		if f == nil || fn == nil || !s.returnsOnly(fn, f) {
			continue
		}
		s.pass.ExportObjectFact(obj, f)
	}
}

// returnsOnly reports whether every return of fn was recorded, but for
// those that return nil there (return nil, err).
func (s *state) returnsOnly(fn *ssa.Function, f *poolFact) bool {
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || s.covered[ret] {
			continue
		}
		if c, ok := ret.Results[f.Result].(*ssa.Const); !ok || !c.IsNil() {
			return false
		}
	}
	return true
}
