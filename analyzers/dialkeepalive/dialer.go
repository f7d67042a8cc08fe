package dialkeepalive

import (
	"fmt"
	"go/types"
	"slices"
	"strings"
	"time"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A feed is a store of a dial function into the Dial or DialContext field
// of an http.Transport.
type feed struct {
	transport ssa.Value // the *http.Transport
	store     *ssa.Store
}

// dialers reports the keep-alive settings of every net.Dialer whose Dial or
// DialContext feeds an http.Transport.
func (s *state) dialers() {
	var transports *valueSets[*transport]
	for _, roots := range httpflow.Roots(s.index, httpapi.Dialer) {
		flow, settings := s.traceSettings(roots, httpapi.DialerKeepAlive, httpapi.DialerKeepAliveConfig)
		if len(settings) == 0 {
			continue
		}
		feeds := s.feeds(flow)
		if len(feeds) == 0 {
			continue // not proven to dial for HTTP
		}
		if transports == nil {
			transports = s.transports()
		}
		// Transports that keep idle connections forever; any transport
		// that may flow to a fed value must, to count.
		var lacking []*transport
		for _, f := range feeds {
			ts := transports.of(f.transport)
			if len(ts) > 0 && !slices.ContainsFunc(ts, func(t *transport) bool { return !t.lacking() }) {
				for _, t := range ts {
					if !slices.Contains(lacking, t) {
						lacking = append(lacking, t)
					}
				}
			}
		}
		for _, set := range settings {
			s.reportDialer(set, feeds, lacking)
		}
	}
}

// transport is what the package does with one traced http.Transport.
type transport struct {
	root      ssa.Value
	idle      bool // IdleConnTimeout set to a positive or unknown value, or inherited
	handedOff bool // reaches code that may set IdleConnTimeout
}

func (t *transport) lacking() bool { return !t.idle && !t.handedOff }

// transports traces every http.Transport of the package.
func (s *state) transports() *valueSets[*transport] {
	return traced(s, httpapi.Transport, func(root ssa.Value) *transport {
		return &transport{root: root, idle: httpflow.Foreign(s.index, root)}
	})
}

func (t *transport) store(x types.Type, f *types.Var, val ssa.Value) {
	if httpapi.TransportIdleConnTimeout.Matches(x, f) {
		if d, known := ssaflow.ConstInt(val); !known || d > 0 {
			t.idle = true
		}
	}
}

// overwritten: the whole transport overwritten (*t = *other): its
// IdleConnTimeout is unknown.
func (t *transport) overwritten() { t.idle = true }

func (t *transport) handOff(h ssaflow.HandOff) {
	if h.Kind == ssaflow.Call {
		if fn := callee.Func(h.Instr.(ssa.CallInstruction).Common()); transportMethod(fn) || httpapi.ProtocolSetters.Matches(fn) {
			return // sets no IdleConnTimeout (http2.ConfigureTransport only turns HTTP/2 on)
		}
	}
	if h.Kind != ssaflow.Return { // returned: judged here, where it is built
		t.handedOff = true
	}
}

// transportMethod reports whether fn is a method of http.Transport or
// RoundTrip of http.RoundTripper: none of them sets IdleConnTimeout.
func transportMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if httpapi.RoundTripperRoundTrip.Matches(fn) {
		return true
	}
	recv := fn.Signature().Recv()
	return recv != nil && (httpapi.Transport.Matches(recv.Type()) || httpapi.Transport.MatchesPtr(recv.Type()))
}

// feeds returns where dial functions made from a traced dialer are stored
// into the Dial or DialContext field of an http.Transport. A dial function
// is the method value d.Dial or d.DialContext, or a function of the package
// that calls one of them on the dialer (a closure wrapping it, a named
// helper), or that calls such a function.
func (s *state) feeds(dialer *ssaflow.Flow) []feed {
	var values []ssa.Value // dial function values
	var dialFuncs []*ssa.Function
	for _, v := range dialer.Values {
		for _, ref := range s.index.Referrers(v) {
			switch ref := ref.(type) {
			case *ssa.MakeClosure:
				fn := ref.Fn.(*ssa.Function)
				if m, ok := fn.Object().(*types.Func); ok && fn.Synthetic != "" && dialMethod(m) && len(ref.Bindings) == 1 && ref.Bindings[0] == v {
					values = append(values, ref)
				}
			case ssa.CallInstruction:
				common := ref.Common()
				if !common.IsInvoke() && len(common.Args) > 0 && common.Args[0] == v && dialMethod(callee.Func(common)) {
					if fn := ref.Parent(); !slices.Contains(dialFuncs, fn) {
						dialFuncs = append(dialFuncs, fn)
					}
				}
			}
		}
	}
	// Functions that call a dial function dial too. Each function is
	// added once, so this ends.
	for i := 0; i < len(dialFuncs); i++ {
		for _, call := range s.index.Callers(dialFuncs[i]) {
			if fn := call.Parent(); !slices.Contains(dialFuncs, fn) {
				dialFuncs = append(dialFuncs, fn)
			}
		}
	}
	var out []feed
	for _, fn := range dialFuncs {
		vs, direct := s.valuesOf(fn)
		values = append(values, vs...)
		for _, st := range direct {
			if f, ok := transportFeed(st); ok {
				out = append(out, f)
			}
		}
	}
	if len(values) == 0 {
		return out
	}
	flow := s.tracer.Trace(values...)
	for _, v := range flow.Values {
		for _, ref := range s.index.Referrers(v) {
			if st, ok := ref.(*ssa.Store); ok && st.Val == v {
				if f, ok := transportFeed(st); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

func dialMethod(fn *types.Func) bool {
	return httpapi.DialerDial.Matches(fn) || httpapi.DialerDialContext.Matches(fn)
}

// transportFeed reports whether st stores into the Dial or DialContext
// field of an http.Transport.
func transportFeed(st *ssa.Store) (feed, bool) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return feed{}, false
	}
	f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
	if !httpapi.TransportDial.Matches(fa.X.Type(), f) && !httpapi.TransportDialContext.Matches(fa.X.Type(), f) {
		return feed{}, false
	}
	return feed{fa.X, st}, true
}

// valuesOf returns the values that hold fn as a function value: its
// closures, the bound method values of a method, the function itself when
// it is anonymous and captures nothing, and the places a named function is
// used as a value (values made from it, parameters it is passed to). Stores
// of a named function are returned apart: there is no value to trace.
func (s *state) valuesOf(fn *ssa.Function) (values []ssa.Value, stores []*ssa.Store) {
	if s.closures == nil {
		s.indexFuncValues()
	}
	for _, mc := range s.closures[fn] {
		values = append(values, mc)
	}
	if fn.Parent() != nil {
		if len(fn.FreeVars) == 0 {
			values = append(values, fn)
		}
		return values, nil
	}
	for _, use := range s.fnUses[fn] {
		switch use := use.(type) {
		case *ssa.Store:
			if use.Val == fn {
				stores = append(stores, use)
			}
		case ssa.CallInstruction:
			common := use.Common()
			body := callee.Body(common)
			if body == nil || body.Pkg != s.index.Pkg {
				continue
			}
			for i, arg := range common.Args {
				if arg == fn && i < len(body.Params) {
					values = append(values, body.Params[i])
				}
			}
		case ssa.Value:
			values = append(values, use)
		}
	}
	return values, stores
}

// indexFuncValues records, in one pass over the package, the closures of
// each function (for a method, its bound method values) and the
// instructions that use a named function as a value.
func (s *state) indexFuncValues() {
	s.closures = make(map[*ssa.Function][]*ssa.MakeClosure)
	s.fnUses = make(map[*ssa.Function][]ssa.Instruction)
	prog := s.index.Pkg.Prog
	var ops []*ssa.Value
	for _, fn := range s.index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var callValue ssa.Value
				switch instr := instr.(type) {
				case *ssa.MakeClosure:
					callValue = instr.Fn
					target := instr.Fn.(*ssa.Function)
					if m, ok := target.Object().(*types.Func); ok && target.Synthetic != "" {
						// A bound method value: t.m is a closure of m.
						if body := prog.FuncValue(m.Origin()); body != nil {
							target = body
						}
					}
					s.closures[target] = append(s.closures[target], instr)
				case ssa.CallInstruction:
					if !instr.Common().IsInvoke() {
						callValue = instr.Common().Value
					}
				}
				for _, op := range instr.Operands(ops[:0]) {
					if f, ok := (*op).(*ssa.Function); ok && f != callValue && f.Parent() == nil {
						s.fnUses[f] = append(s.fnUses[f], instr)
					}
				}
			}
		}
	}
}

// reportDialer reports one keep-alive setting of a dialer that feeds
// transports. lacking are the fed transports that never expire idle
// connections.
func (s *state) reportDialer(set setting, feeds []feed, lacking []*transport) {
	if s.reported[set.instr] || s.inTest(set) {
		return
	}
	var problems []string
	if set.value != nil {
		if name := s.idleOrigin(set); name != "" {
			problems = append(problems, fmt.Sprintf("it is set from %s, an HTTP idle timeout", name))
		}
		if d, known := ssaflow.ConstInt(set.value); known && time.Duration(d) < s.opts.MinKeepAlive {
			problems = append(problems, fmt.Sprintf("probes every %s on an HTTP transport only add traffic", time.Duration(d)))
		}
	}
	if len(lacking) > 0 {
		problems = append(problems, "this Transport never expires idle connections")
	}
	if len(problems) == 0 {
		return
	}
	diag, ok := s.diagnostic(set)
	if !ok {
		return
	}
	s.reported[set.instr] = true
	diag.Message = fmt.Sprintf("%s sets TCP keep-alive probes, not HTTP idle time; %s",
		set.subject, strings.Join(problems, "; "))
	for _, t := range lacking {
		if lit := s.literal(t.root); lit != nil {
			diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: lit.Pos(), End: lit.End(), Message: "http.Transport without IdleConnTimeout"})
		}
	}
	if len(lacking) == 0 {
		for _, f := range feeds {
			if f.store.Pos().IsValid() {
				diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: f.store.Pos(), Message: "the dialer feeds an http.Transport here"})
			}
		}
	}
	if len(lacking) == 1 {
		if fix, ok := s.fix(lacking[0].root); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	s.rep.Report(diag, "set IdleConnTimeout below the server's idle timeout")
}
