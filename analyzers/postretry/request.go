package postretry

import (
	"go/types"
	"net/http"
	"net/textproto"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// A request is what the package does to the *http.Request of one send.
type request struct {
	origins   []ssa.Value // http.NewRequest calls and http.Request allocations
	opaque    bool        // some source is not an origin
	methods   []string    // the constant methods it may have
	anyMethod bool        // a method that is not a constant
	// header: an Idempotency-Key header may be set; body: the body may be
	// a stream that cannot be sent again; getBody: GetBody is set.
	header, body, getBody bool
	// closes: Close = true or a Connection: close header is set, so the
	// request never goes out on a pooled connection.
	closes bool
	// bodyStores are the stores to its Body field; flow is where the
	// package's requests go, nil when no origin was found.
	bodyStores []*ssa.Store
	flow       *ssaflow.Flow
}

// replayable reports whether net/http's transport retries the request by
// itself: Request.isReplayable accepts any method with an idempotency key
// when the body can be rewound.
func (r *request) replayable() bool { return r.header && (!r.body || r.getBody) }

// request resolves the request sent at a call.
func (s *state) request(v ssa.Value) *request { return s.requestFrom(s.back, s.back.Sources(v)) }

// requestFrom resolves a request from the sources of the value sent,
// found with back.
func (s *state) requestFrom(back *ssaflow.Backtracer, origins *ssaflow.Origins) *request {
	return s.fromWalk(httpflow.Walk(back, s.local(), origins))
}

// fromWalk reads what the package does to a request (see [httpflow.Walk]).
func (s *state) fromWalk(w *httpflow.Request) *request {
	r := &request{origins: w.Origins, flow: w.Flow, methods: w.Methods, opaque: w.Opaque || w.Flow == nil}
	if w.Flow == nil {
		return r
	}
	r.anyMethod = !w.MethodsKnown
	streamParam := false
	for _, o := range w.Bodies {
		for _, src := range o.Sources {
			s.body(r, src.Value, true)
			streamParam = streamParam || isStreamParam(src.Value)
		}
	}
	// A body given as an io.Reader parameter of a helper that sends it
	// with POST, PUT or PATCH (`Post(url string, body io.Reader)`) is what
	// the helper exists to send: whatever its callers pass, a non-nil
	// reader is read to its end by the first attempt.
	r.body = r.body || streamParam && !r.anyMethod && len(r.methods) > 0 && !slices.ContainsFunc(r.methods, func(m string) bool {
		return m != http.MethodPost && m != http.MethodPut && m != http.MethodPatch
	})
	for _, fs := range w.Stores {
		st := fs.Store
		switch fs.Field {
		case httpapi.RequestBody:
			r.bodyStores = append(r.bodyStores, st)
			for _, src := range s.sources(st.Val) {
				s.body(r, src, false)
			}
		case httpapi.RequestGetBody:
			r.getBody = r.getBody || !ssaflow.IsNil(st.Val)
		case httpapi.RequestHeader:
			r.header = true // a header we do not follow
		}
	}
	for _, load := range w.HeaderLoads {
		s.headerUses(r, load)
	}
	closes, headers := httpflow.ConnectionCloses(s.index, w.Flow.Values)
	r.closes = len(closes) > 0 || len(headers) > 0
	for _, h := range r.flow.HandOffs {
		if h.Kind != ssaflow.Call || !fromNetHTTP(h.Instr) {
			r.header = true // code we cannot see may set the header
		}
	}
	return r
}

// body records whether src, a source of a request's body, is a body and
// whether GetBody can rewind it (viaNewRequest: the body was given to
// http.NewRequest). Values of unknown type count as no body: a missed
// report is better than a false one.
func (s *state) body(r *request, src ssa.Value, viaNewRequest bool) {
	if call, ok := src.(*ssa.Call); ok && httpapi.IONopCloser.Matches(callee.Func(&call.Call)) && len(call.Call.Args) == 1 {
		for _, inner := range s.sources(call.Call.Args[0]) {
			s.body(r, inner, viaNewRequest) // io.NopCloser(x) reads what x reads
		}
		return
	}
	t := src.Type()
	switch {
	case ssaflow.IsNil(src), httpflow.IsLoadOf(src, httpapi.NoBody):
	case viaNewRequest && emptyBody(src): // NewRequest sends NoBody for it
	case types.IsInterface(t):
	case slices.ContainsFunc(httpapi.RewindableBodies, func(b httpapi.Type) bool { return b.MatchesPtr(t) }):
		r.body = true // NewRequest sets GetBody for these
		r.getBody = r.getBody || viaNewRequest
	default:
		r.body = true
	}
}

// emptyBody reports whether v is a rewindable body made empty:
// strings.NewReader(""), bytes.NewBuffer(nil) and the like.
func emptyBody(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok || !httpapi.RewindableBodyMakers.Matches(callee.Func(&call.Call)) || len(call.Call.Args) != 1 {
		return false
	}
	content := call.Call.Args[0]
	if conv, ok := content.(*ssa.Convert); ok { // []byte("")
		content = conv.X
	}
	return ssaflow.IsZero(content)
}

// isStreamParam reports whether v is a parameter of type io.Reader or
// io.ReadCloser: a body whose callers are not followed.
func isStreamParam(v ssa.Value) bool {
	p, ok := v.(*ssa.Parameter)
	return ok && (httpapi.Reader.Matches(p.Type()) || httpapi.ReadCloser.Matches(p.Type()))
}

// idempotencyKeys are the headers that make net/http treat any request as
// idempotent (canonical form).
var idempotencyKeys = []string{"Idempotency-Key", "X-Idempotency-Key"}

// headerUses looks at what the package does with a request's Header map.
func (s *state) headerUses(r *request, header ssa.Value) {
	flow := s.local().Trace(header)
	for _, v := range flow.Values {
		for _, ref := range s.index.Referrers(v) {
			if mu, ok := ref.(*ssa.MapUpdate); ok && mu.Map == v {
				if key, ok := ssaflow.ConstString(mu.Key); !ok || slices.Contains(idempotencyKeys, key) {
					r.header = true // a raw map key is not canonicalised
				}
			}
		}
	}
	for _, h := range flow.HandOffs {
		call, ok := h.Instr.(ssa.CallInstruction)
		if !ok {
			r.header = true
			continue
		}
		common := call.Common()
		fn := callee.Func(common)
		switch {
		case httpapi.HeaderSet.Matches(fn), httpapi.HeaderAdd.Matches(fn):
			if len(common.Args) < 2 {
				r.header = true
				continue
			}
			key, ok := ssaflow.ConstString(common.Args[1])
			if !ok || slices.Contains(idempotencyKeys, textproto.CanonicalMIMEHeaderKey(key)) {
				r.header = true
			}
		case !fromNetHTTP(call):
			r.header = true
		}
	}
}

// fromNetHTTP reports whether a call goes to net/http itself, which never
// adds an idempotency key or rewinds a body on the caller's behalf, or to
// httputil's request dumps, which put back a copy of what they read (a
// generated API client's debug branch, say).
func fromNetHTTP(instr ssa.Instruction) bool {
	call, ok := instr.(ssa.CallInstruction)
	if !ok {
		return false
	}
	fn := callee.Func(call.Common())
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == httpapi.NetHTTP || httpapi.RequestDumps.Matches(fn)
}
