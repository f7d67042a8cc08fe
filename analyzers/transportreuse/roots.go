package transportreuse

import (
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A root is a place that makes a fresh transport: a literal or new, a
// Clone, or a call of a constructor that returns one (or a client holding
// one): of this package, or of another that [httpapi.Foreign] recognises
// or that a fact describes ([makeFact]).
type root struct {
	value   ssa.Value
	instr   ssa.Instruction // the allocation or the call
	ctor    *ssa.Function   // the constructor called, for constructor calls of this package
	foreign *types.Func     // the constructor called, for constructor calls of another package
	made    token.Pos       // the construction, inside ctor for constructor calls
	clone   bool
	// idle: the transport's IdleConnTimeout is set or inherited (or may
	// be), so idle connections expire in the end.
	idle bool
	// disabled: keep-alives are (or may be) off at the construction.
	disabled bool
	// config: the fields, set by no code of the constructor's package,
	// that keep-alives follow; a caller's package that sets one may turn
	// them off.
	config []configField
	// held: the fields of the package's structs that hold it, for a
	// constructor that returns such a struct.
	held map[*types.Var]bool
}

// A summary says which results of a function are fresh transports (or
// clients holding one) and where each was made.
type summary map[int]root

// rootsIn lists the places in fn that make a fresh transport.
func (s *state) rootsIn(fn *ssa.Function) []root {
	if rs, ok := s.roots[fn]; ok {
		return rs
	}
	s.roots[fn] = nil // a recursive constructor makes nothing new by recursing
	var rs []root
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Alloc:
				if httpapi.Transport.MatchesPtr(instr.Type()) {
					r := root{value: instr, instr: instr, made: instr.Pos()}
					u := s.follow(r)
					r.idle, r.disabled = u.idle, u.disabled
					rs = append(rs, r)
				}
			case *ssa.Call:
				common := instr.Common()
				if isClone(instr) {
					r := root{value: instr, instr: instr, made: instr.Pos(), clone: true}
					r.idle, r.disabled = s.source(common.Args[0])
					rs = append(rs, r)
					continue
				}
				body := callee.Body(common)
				if body == nil || body.Pkg != s.x.Pkg {
					if fn := callee.Func(common); !common.IsInvoke() && fn != nil && fn.Pkg() != s.Pkg {
						if f := s.made[fn]; f != nil && httpapi.ConstructorOf(fn) == nil {
							// A constructor of another package of the
							// module: its fact knows better than the
							// naming convention (a well-known
							// constructor's entry, read in its source,
							// knows best).
							if v := ssaflow.CallResult(instr, f.Result); v != nil {
								rs = append(rs, root{value: v, instr: instr, foreign: fn, made: instr.Pos(), idle: f.Idle, disabled: f.Disabled || s.setsConfig(f.Config)})
							}
						} else if i, ok := httpapi.Foreign(fn); ok {
							if v := ssaflow.CallResult(instr, i); v != nil {
								// What it sets is unknown: say its idle
								// connections expire, the milder claim.
								rs = append(rs, root{value: v, instr: instr, foreign: fn, made: instr.Pos(), idle: true})
							}
						}
					}
					continue
				}
				for i, made := range s.summary(body) {
					v := ssaflow.CallResult(instr, i)
					if v == nil {
						continue
					}
					made.value, made.instr, made.ctor = v, instr, body
					rs = append(rs, made)
				}
			}
		}
	}
	s.roots[fn] = rs
	return rs
}

// source says what a clone inherits from the transport it copies:
// whether idle connections expire and whether keep-alives may be off. A
// transport with more than one source is not known.
func (s *state) source(v ssa.Value) (idle, disabled bool) {
	srcs := s.back.Sources(v).Sources
	if len(srcs) != 1 {
		return true, s.turnsOff()
	}
	switch x := srcs[0].Value.(type) {
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL && g.Object() != nil {
			if gv, ok := g.Object().(*types.Var); ok && httpapi.DefaultTransport.Matches(gv) {
				return true, false // DefaultTransport: IdleConnTimeout 90s, keep-alives on
			}
		}
	case *ssa.Alloc: // the receiver of Clone: a *http.Transport
		u := s.follow(root{value: x, instr: x})
		return u.idle, u.disabled
	case *ssa.Call:
		if isClone(x) {
			idle, disabled := s.source(x.Call.Args[0])
			u := s.follow(root{value: x, instr: x})
			return idle || u.idle, (disabled && !u.enabled) || u.disabled
		}
	}
	return true, s.turnsOff()
}

// isClone reports whether v is a call of (*http.Transport).Clone.
func isClone(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	return ok && httpapi.TransportClone.Matches(callee.Func(&call.Call)) && !call.Call.IsInvoke() && len(call.Call.Args) == 1
}

// turnsOff reports whether the package sets DisableKeepAlives to anything
// but false anywhere: a clone of a transport it cannot trace may then have
// keep-alives off.
func (s *state) turnsOff() bool {
	if s.offSeen != nil {
		return *s.offSeen
	}
	off := false
	for _, fn := range s.x.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok && isFieldStore(st, httpapi.TransportDisableKeepAlives) && !ssaflow.IsZero(st.Val) {
					off = true
				}
			}
		}
	}
	s.offSeen = &off
	return off
}

// summary returns which results of fn are fresh transports or clients
// holding one: made in fn, not kept anywhere, and returned by fn itself.
func (s *state) summary(fn *ssa.Function) summary {
	if sum, ok := s.sums[fn]; ok {
		return sum // nil while fn is being summarised: recursion adds nothing
	}
	s.sums[fn] = nil
	sum := make(summary)
	for _, r := range s.rootsIn(fn) {
		u := s.follow(r)
		if u.kept || len(u.stored) > 0 || u.replaced || len(u.returns) == 0 {
			continue
		}
		idx := -1
		for _, h := range u.returns {
			ret := h.Instr.(*ssa.Return)
			i := slices.Index(ret.Results, h.Value)
			if ret.Parent() != fn || i < 0 || idx >= 0 && i != idx {
				idx = -1
				break
			}
			idx = i
		}
		if idx >= 0 {
			made := r
			made.idle = r.idle || u.idle
			made.disabled = u.disabled || r.disabled && !u.enabled
			made.config = append(slices.Clip(r.config), u.config...)
			made.held = u.held
			sum[idx] = made
		}
	}
	s.sums[fn] = sum
	return sum
}
