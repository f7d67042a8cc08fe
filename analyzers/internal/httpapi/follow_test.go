package httpapi

import (
	"go/types"
	"slices"
	"testing"

	"github.com/kalint/kalint/analyzers/internal/ssatest"
)

// TestFollowOf checks how real standard-library objects are followed,
// matched by path and name: a type, a method or function, a field of the
// same name as a followed type, an unexported type.
func TestFollowOf(t *testing.T) {
	t.Parallel()
	_, imp := ssatest.Source()
	lookup := func(pkgPath, recv, name string) types.Object {
		pkg, err := imp.Import(pkgPath)
		if err != nil {
			t.Fatal(err)
		}
		if recv == "" {
			return pkg.Scope().Lookup(name)
		}
		tn := pkg.Scope().Lookup(recv).(*types.TypeName)
		obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, pkg, name)
		return obj
	}
	for _, tc := range []struct {
		path, recv, name string
		want             Follow
	}{
		{NetHTTP, "", "Client", Up},
		{NetHTTP, "Client", "Do", Up},
		{NetHTTP, "RoundTripper", "RoundTrip", Up},
		{NetHTTP, "", "Get", Up},
		{NetHTTP, "", "Serve", Up},
		{NetHTTP, "", "Request", Value},
		{"net", "", "Dialer", Value},
		{"net", "", "conn", Value},
		{"net", "Dialer", "KeepAliveConfig", Unfollowed}, // a field, followed through its type
		{"net", "", "Resolver", Unfollowed},
		{NetHTTP, "", "Header", Context},
		{NetHTTP, "Header", "Set", Context},
		{NetHTTP, "Header", "Get", Unfollowed},
		{NetHTTP, "", "HandleFunc", Context},
		{NetHTTP, "", "NewRequest", Unfollowed}, // matched, not walked up from
		{NetHTTP, "Client", "Timeout", Unfollowed},
	} {
		obj := lookup(tc.path, tc.recv, tc.name)
		if obj == nil {
			t.Errorf("%s %s.%s: not found", tc.path, tc.recv, tc.name)
			continue
		}
		if got := FollowOf(obj); got != tc.want {
			t.Errorf("FollowOf(%s %s.%s) = %d, want %d", tc.path, tc.recv, tc.name, got, tc.want)
		}
	}
}

// TestFollowDeclared checks that every declaration of follow.go is a table
// entry, and so checked against the standard library, and that no symbol
// is declared in two categories.
func TestFollowDeclared(t *testing.T) {
	t.Parallel()
	seen := make(map[any]string)
	check := func(category string, entries []any) {
		for _, e := range entries {
			if !slices.Contains(table, e) {
				t.Errorf("%s: %v is not in the table", category, e)
			}
			if c, ok := seen[e]; ok {
				t.Errorf("%v is declared %s and %s", e, c, category)
			}
			seen[e] = category
		}
	}
	check("UpTypes", anys(UpTypes))
	check("ValueTypes", anys(ValueTypes))
	check("ContextTypes", anys(ContextTypes))
	check("UpCalls", anys(UpCalls))
	check("ContextCalls", anys(ContextCalls))
	for _, typ := range MadeTypes {
		if !slices.Contains(UpTypes, typ) {
			t.Errorf("MadeTypes: %v is not one of UpTypes", typ)
		}
	}
}

func anys[E any](es []E) []any {
	out := make([]any, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// TestForeign checks which functions of other packages make a fresh
// transport, by the naming convention and the table of well-known
// constructors, in stand-ins for those packages, and that the analyzers
// walk up from them.
func TestForeign(t *testing.T) {
	t.Parallel()
	const lib = `package lib
import "net/http"
func NewTransport(idle int) *http.Transport { return nil }
func NewPair() (*http.Client, *http.Transport) { return nil, nil }
func NewTuned(t *http.Transport) *http.Transport { return t }
func NewFrom(rt http.RoundTripper) *http.Transport { return nil }
func NewWith(c *http.Client) *http.Transport { return nil }
func MakeTransport() *http.Transport { return nil }
func NewClient() *http.Client { return nil }
type T struct{}
func (T) NewTransport() *http.Transport { return nil }
`
	const cleanhttp = `package cleanhttp
import "net/http"
func DefaultPooledClient() *http.Client { return nil }
func DefaultClient() *http.Client { return nil }
`
	const resty = `package resty
type Client struct{}
func New() *Client { return nil }
func (*Client) R() {}
`
	_, imp := ssatest.Importer(t, map[string]string{
		"example.com/lib":                   lib,
		"github.com/hashicorp/go-cleanhttp": cleanhttp,
		"github.com/go-resty/resty/v2":      resty,
	})
	for _, tc := range []struct {
		path, recv, name string
		result           int // -1: not a constructor
	}{
		{"example.com/lib", "", "NewTransport", 0},
		{"example.com/lib", "", "NewPair", 1},
		{"example.com/lib", "", "NewTuned", -1}, // may hand its argument back
		{"example.com/lib", "", "NewFrom", -1},
		{"example.com/lib", "", "NewWith", -1},
		{"example.com/lib", "", "MakeTransport", -1}, // not named New...
		{"example.com/lib", "", "NewClient", -1},     // no transport
		{"example.com/lib", "T", "NewTransport", -1}, // a method
		{"github.com/hashicorp/go-cleanhttp", "", "DefaultPooledClient", 0},
		{"github.com/hashicorp/go-cleanhttp", "", "DefaultClient", -1}, // keep-alives off
		{"github.com/go-resty/resty/v2", "", "New", 0},
	} {
		pkg, err := imp.Import(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		obj := pkg.Scope().Lookup(tc.name)
		if tc.recv != "" {
			obj, _, _ = types.LookupFieldOrMethod(pkg.Scope().Lookup(tc.recv).Type(), true, pkg, tc.name)
		}
		fn := obj.(*types.Func)
		got := -1
		if i, ok := Foreign(fn); ok {
			got = i
		}
		if got != tc.result {
			t.Errorf("Foreign(%s) = %d, want %d", fn.FullName(), got, tc.result)
		}
		if follow, want := FollowOf(fn), tc.result >= 0; (follow == Up) != want {
			t.Errorf("FollowOf(%s) = %d, want Up: %v", fn.FullName(), follow, want)
		}
	}
	// A wrapper's method is walked up from too.
	pkg, _ := imp.Import("github.com/go-resty/resty/v2")
	r, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup("Client").Type()), true, pkg, "R")
	if got := FollowOf(r); got != Up {
		t.Errorf("FollowOf(%v) = %d, want Up", r, got)
	}
}

// TestWrapOf checks the table of well-known wrapping functions against
// stand-ins of their packages: the argument wrapped, and that other
// functions of the same packages are not wraps.
func TestWrapOf(t *testing.T) {
	t.Parallel()
	const promhttp = `package promhttp
import "net/http"
type RoundTripperFunc func(*http.Request) (*http.Response, error)
func (rt RoundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return rt(r) }
func InstrumentRoundTripperInFlight(g any, next http.RoundTripper) RoundTripperFunc { return nil }
func Handler() {}
`
	const otelhttp = `package otelhttp
import "net/http"
func NewTransport(base http.RoundTripper, opts ...any) http.RoundTripper { return base }
`
	_, imp := ssatest.Importer(t, map[string]string{
		"github.com/prometheus/client_golang/prometheus/promhttp":       promhttp,
		"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp": otelhttp,
	})
	for _, tc := range []struct {
		path, name string
		arg        int // -1: not a wrap
	}{
		{"github.com/prometheus/client_golang/prometheus/promhttp", "InstrumentRoundTripperInFlight", 1},
		{"github.com/prometheus/client_golang/prometheus/promhttp", "Handler", -1},
		{"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "NewTransport", 0},
	} {
		pkg, err := imp.Import(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		fn := pkg.Scope().Lookup(tc.name).(*types.Func)
		got := -1
		if i, ok := WrapOf(fn); ok {
			got = i
		}
		if got != tc.arg {
			t.Errorf("WrapOf(%s) = %d, want %d", fn.FullName(), got, tc.arg)
		}
	}
	pkg, _ := imp.Import("github.com/prometheus/client_golang/prometheus/promhttp")
	rt, _, _ := types.LookupFieldOrMethod(pkg.Scope().Lookup("RoundTripperFunc").Type(), true, pkg, "RoundTrip")
	if !IsRoundTrip(rt.(*types.Func)) {
		t.Errorf("IsRoundTrip(%v) = false", rt)
	}
}
