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
}

func anys[E any](es []E) []any {
	out := make([]any, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
