package dialkeepalive

import (
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A serveCall serves HTTP on a listener.
type serveCall struct {
	call     ssa.CallInstruction
	listener ssa.Value
	server   ssa.Value // the *http.Server; nil for http.Serve's zero Server
}

// server is what the package does with one traced http.Server.
type server struct {
	timeouts  bool // IdleTimeout or ReadTimeout set to a non-zero or unknown value
	off       bool // SetKeepAlivesEnabled(false), or an unknown argument
	handedOff bool // reaches code that may set a timeout
}

func (s *server) lacking() bool { return !s.timeouts && !s.off && !s.handedOff }

// listeners reports the keep-alive settings of listeners served by an
// http.Server that never closes idle connections: listeners made by a
// net.ListenConfig that sets KeepAlive, and listener types of the package
// whose Accept turns keep-alive on.
func (s *state) listeners() {
	serves := s.serveCalls()
	if len(serves) == 0 {
		return
	}
	for _, roots := range httpflow.Roots(s.index, httpapi.ListenConfig) {
		s.listenConfig(roots, serves)
	}
	s.listenerTypes(serves)
}

// lackingServes returns the serve calls whose server never closes idle
// connections, among those whose listener is served(listener).
func (s *state) lackingServes(serves []serveCall, served func(ssa.Value) bool) []serveCall {
	var out []serveCall
	for _, sc := range serves {
		if !served(sc.listener) {
			continue
		}
		if sc.server == nil {
			out = append(out, sc)
			continue
		}
		if s.serverSets == nil {
			s.serverSets = s.servers()
		}
		ss := s.serverSets.of(sc.server)
		if len(ss) > 0 && !slices.ContainsFunc(ss, func(srv *server) bool { return !srv.lacking() }) {
			out = append(out, sc)
		}
	}
	return out
}

// listenConfig reports the keep-alive settings of one traced
// net.ListenConfig whose listeners are served by such servers.
func (s *state) listenConfig(roots []ssa.Value, serves []serveCall) {
	flow, settings := s.traceSettings(roots, httpapi.ListenConfigKeepAlive, httpapi.ListenConfigKeepAliveConfig)
	if len(settings) == 0 {
		return
	}
	lns := s.listened(flow)
	if len(lns) == 0 {
		return
	}
	listener := s.tracer.Trace(lns...)
	held := make(map[ssa.Value]bool, len(listener.Values))
	for _, v := range listener.Values {
		held[v] = true
	}
	if served := s.lackingServes(serves, func(v ssa.Value) bool { return held[v] }); len(served) > 0 {
		for _, set := range settings {
			s.reportListener(set, served)
		}
	}
}

// listened returns the listeners that Listen calls on a traced
// net.ListenConfig return.
func (s *state) listened(config *ssaflow.Flow) []ssa.Value {
	var lns []ssa.Value
	for _, v := range config.Values {
		for _, ref := range s.index.Referrers(v) {
			call, ok := ref.(*ssa.Call)
			if !ok {
				continue
			}
			common := call.Common()
			if common.IsInvoke() || len(common.Args) == 0 || common.Args[0] != v ||
				!httpapi.ListenConfigListen.Matches(callee.Func(common)) {
				continue
			}
			for _, use := range *call.Referrers() {
				if ex, ok := use.(*ssa.Extract); ok && ex.Index == 0 {
					lns = append(lns, ex)
				}
			}
		}
	}
	return lns
}

// listenerTypes reports the listener types of the package whose Accept
// turns keep-alive on and that such servers serve.
func (s *state) listenerTypes(serves []serveCall) {
	scope := s.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		settings := s.acceptSettings(tn)
		if len(settings) == 0 || s.rep.Generated(settings[0].pos()) {
			continue // one report per listener type, at the first setting
		}
		served := s.lackingServes(serves, func(v ssa.Value) bool { return s.listenerOf(v, tn) })
		if len(served) > 0 {
			s.reportListener(settings[0], served) // one report per listener type
		}
	}
}

// serveCalls returns the package's calls of (*http.Server).Serve and
// ServeTLS, http.Serve and http.ServeTLS.
func (s *state) serveCalls() []serveCall {
	var out []serveCall
	for _, fn := range s.index.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || call.Common().IsInvoke() {
					continue
				}
				common := call.Common()
				f := callee.Func(common)
				switch {
				case httpapi.ServerServesListener.Matches(f) && len(common.Args) >= 2:
					out = append(out, serveCall{call, common.Args[1], common.Args[0]})
				case httpapi.ServeFuncs.Matches(f) && len(common.Args) >= 1:
					out = append(out, serveCall{call, common.Args[0], nil})
				}
			}
		}
	}
	return out
}

// servers traces every http.Server of the package.
func (s *state) servers() *valueSets[*server] {
	return traced(s, httpapi.Server, func(root ssa.Value) *server {
		return &server{timeouts: httpflow.Foreign(s.index, root)}
	})
}

func (srv *server) store(x types.Type, f *types.Var, val ssa.Value) {
	if httpapi.ServerIdleTimeout.Matches(x, f) || httpapi.ServerReadTimeout.Matches(x, f) {
		if d, known := ssaflow.ConstInt(val); !known || d != 0 {
			srv.timeouts = true
		}
	}
}

// overwritten: overwritten with a server of unknown timeouts.
func (srv *server) overwritten() { srv.timeouts = true }

func (srv *server) handOff(h ssaflow.HandOff) {
	switch h.Kind {
	case ssaflow.Return:
	case ssaflow.Call:
		common := h.Instr.(ssa.CallInstruction).Common()
		fn := callee.Func(common)
		switch {
		case httpapi.ServerSetKeepAlivesEnabled.Matches(fn):
			if on, known := ssaflow.ConstBool(common.Args[len(common.Args)-1]); !known || !on {
				srv.off = true
			}
		case httpapi.ServerServes.Matches(fn),
			httpapi.ServerStops.Matches(fn):
		default:
			srv.handedOff = true
		}
	default:
		srv.handedOff = true
	}
}

// acceptSettings returns the calls that turn TCP keep-alive on in the
// Accept method that a listener type of the package declares.
func (s *state) acceptSettings(tn *types.TypeName) []setting {
	body := s.index.DeclaredMethod(tn, "Accept")
	if body == nil {
		return nil
	}
	var out []setting
	fns := append([]*ssa.Function{body}, body.AnonFuncs...)
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				common := call.Common()
				f := callee.Func(common)
				if f == nil || !setsConnKeepAlive(f) || len(common.Args) == 0 {
					continue
				}
				arg := common.Args[len(common.Args)-1]
				switch {
				case httpapi.TCPConnSetKeepAlive.Matches(f):
					if on, known := ssaflow.ConstBool(arg); known && !on {
						continue
					}
				case httpapi.TCPConnSetKeepAliveConfig.Matches(f):
					if !configEnabled(arg) {
						continue
					}
				}
				out = append(out, setting{call, "net.TCPConn." + f.Name(), nil})
			}
		}
	}
	return out
}

// listenerOf reports whether a value passed as a net.Listener may be a
// listener of type tn.
func (s *state) listenerOf(v ssa.Value, tn *types.TypeName) bool {
	return slices.ContainsFunc(s.back.Sources(v).Sources, func(src ssaflow.Source) bool {
		return httpapi.NamedOf(src.Value.Type()) == tn
	})
}

// reportListener reports one keep-alive setting of a listener served by
// http.Servers that never close idle connections.
func (s *state) reportListener(set setting, served []serveCall) {
	if s.reported[set.instr] || s.inTest(set) {
		return
	}
	diag, ok := s.diagnostic(set)
	if !ok {
		return
	}
	s.reported[set.instr] = true
	diag.Message = set.subject + " sets TCP keep-alive probes, not HTTP idle time; this http.Server never closes idle connections"
	for _, sc := range served {
		msg := "served here by an http.Server without IdleTimeout or ReadTimeout"
		if sc.server == nil {
			msg = "served here by http.Serve, whose http.Server has no IdleTimeout or ReadTimeout"
		}
		diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: sc.call.Pos(), Message: msg})
	}
	s.rep.Report(diag, "set IdleTimeout on the http.Server")
}
