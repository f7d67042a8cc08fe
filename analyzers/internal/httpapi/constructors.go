package httpapi

import (
	"go/types"
	"strings"
)

// Third-party packages: constructors of pooled transports and clients.

// A Constructor is a well-known function of a third-party package that
// makes a fresh http.Transport, with keep-alives on, at every call, and
// returns it or a client holding it. Third-party packages are not in the
// table test; each entry was read in the source of the version named.
type Constructor struct {
	Path, Name string
	// Wrapper is the client type it returns when that is not
	// *http.Transport or *http.Client. Its methods named in Sends send
	// requests; those returning the wrapper (setters that return their
	// receiver) or named in Holders pass the client on.
	Wrapper string
	Sends   []string
	Holders []string
}

// Constructors are the well-known third-party constructors.
var Constructors = []Constructor{
	// go-cleanhttp v0.5.2: "Do not use this for transient transports as
	// it can leak file descriptors over time." DefaultTransport and
	// DefaultClient turn keep-alives off: they have no pool to lose.
	{Path: "github.com/hashicorp/go-cleanhttp", Name: "DefaultPooledTransport"},
	{Path: "github.com/hashicorp/go-cleanhttp", Name: "DefaultPooledClient"},
	// go-retryablehttp v0.7.8: NewClient holds cleanhttp.DefaultPooledClient().
	{
		Path: "github.com/hashicorp/go-retryablehttp", Name: "NewClient", Wrapper: "Client",
		Sends:   []string{"Do", "Get", "Head", "Post", "PostForm"},
		Holders: []string{"StandardClient"},
	},
	// resty v2.17.2: New creates the client's transport with it. Requests
	// go through the client's R and NewRequest.
	{
		Path: "github.com/go-resty/resty/v2", Name: "New", Wrapper: "Client",
		Sends: []string{"R", "NewRequest"},
	},
}

// Constructors of other packages cannot be summarised: that would take
// facts, and facts make every driver load and analyse every dependency from
// source (on the benchmark corpus the loading floor alone then costs 2.1x
// the CPU time and 2.6x the memory). Instead, two rules say which calls of
// another package's functions make a fresh transport:
//
//   - a package-level function named New... that returns an
//     *http.Transport and takes none (so cannot be handing one back): a
//     constructor, by Go's naming convention;
//   - the well-known constructors of [Constructors], read in their
//     source: they make a transport with keep-alives on at every call.

// Foreign returns the result index of fn, a function of another package,
// that holds a fresh transport, and whether it has one, by the rules
// above. The analyzers walk up from its calls ([FollowOf]).
func Foreign(fn *types.Func) (int, bool) {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return 0, false
	}
	if ConstructorOf(fn) != nil {
		return 0, true
	}
	if !strings.HasPrefix(fn.Name(), "New") {
		return 0, false
	}
	sig := fn.Signature()
	for v := range sig.Params().Variables() {
		if t := v.Type(); Transport.MatchesPtr(t) || RoundTripper.Matches(t) || Client.MatchesPtr(t) {
			return 0, false
		}
	}
	for i := range sig.Results().Len() {
		if Transport.MatchesPtr(sig.Results().At(i).Type()) {
			return i, true
		}
	}
	return 0, false
}

// ConstructorOf returns the well-known constructor fn is, or nil.
func ConstructorOf(fn *types.Func) *Constructor {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return nil
	}
	for i, c := range Constructors {
		if fn.Name() == c.Name && fn.Pkg().Path() == c.Path {
			return &Constructors[i]
		}
	}
	return nil
}

// WrapperOf returns the well-known constructor whose wrapper type fn is a
// method of, or nil.
func WrapperOf(fn *types.Func) *Constructor {
	if fn == nil {
		return nil
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil
	}
	tn := NamedOf(recv.Type())
	if tn == nil || tn.Pkg() == nil {
		return nil
	}
	for i, c := range Constructors {
		if c.Wrapper != "" && tn.Name() == c.Wrapper && tn.Pkg().Path() == c.Path {
			return &Constructors[i]
		}
	}
	return nil
}

// A Wrap is a well-known function of a third-party package that wraps the
// RoundTripper passed as its argument Arg in one it returns, which holds
// the inner one as long as it lives itself and nowhere else, and sends
// every request through it. Each entry was read in the source of the
// version named.
type Wrap struct {
	Path, Name string
	Arg        int
}

// Wraps are the well-known wrapping functions.
var Wraps = []Wrap{
	// otelhttp v0.72.0: NewTransport returns &Transport{rt: base}.
	{Path: "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", Name: "NewTransport"},
	// promhttp v1.25.0: each returns a RoundTripperFunc closure over next.
	{Path: "github.com/prometheus/client_golang/prometheus/promhttp", Name: "InstrumentRoundTripperCounter", Arg: 1},
	{Path: "github.com/prometheus/client_golang/prometheus/promhttp", Name: "InstrumentRoundTripperDuration", Arg: 1},
	{Path: "github.com/prometheus/client_golang/prometheus/promhttp", Name: "InstrumentRoundTripperInFlight", Arg: 1},
	{Path: "github.com/prometheus/client_golang/prometheus/promhttp", Name: "InstrumentRoundTripperTrace", Arg: 1},
	// client-go v0.37.2 transport/round_trippers.go: a struct holding rt.
	{Path: "k8s.io/client-go/transport", Name: "NewBearerAuthRoundTripper", Arg: 1},
	{Path: "k8s.io/client-go/transport", Name: "NewBasicAuthRoundTripper", Arg: 2},
	{Path: "k8s.io/client-go/transport", Name: "NewUserAgentRoundTripper", Arg: 1},
	// docker/distribution v2.8.3 registry/client/transport/transport.go:
	// &transport{Base: base}; RoundTrip sends a modified clone of each
	// request through Base (http.DefaultTransport when nil).
	{Path: "github.com/docker/distribution/registry/client/transport", Name: "NewTransport"},
}

// WrapFields are fields of third-party RoundTripper structs that hold the
// inner RoundTripper the same way, when they are set in a literal.
var WrapFields = []Field{
	// oauth2 v0.38.0: (*Transport).RoundTrip sends through Base.
	{Struct: Type{"golang.org/x/oauth2", "Transport"}, Name: "Base"},
	// opencensus-go plugin/ochttp/client.go (0bef57a): (*Transport).RoundTrip
	// wraps Base in per-request tracers and sends through it.
	{Struct: Type{"go.opencensus.io/plugin/ochttp", "Transport"}, Name: "Base"},
}

// WrapOf returns the argument of fn that it wraps, if fn is one of
// [Wraps].
func WrapOf(fn *types.Func) (arg int, ok bool) {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return 0, false
	}
	for _, w := range Wraps {
		if fn.Name() == w.Name && fn.Pkg().Path() == w.Path {
			return w.Arg, true
		}
	}
	return 0, false
}
