package httpflow

import (
	"go/token"
	"net/url"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// URLPaths returns the paths a request URL, the string v, may have, when
// every one of its sources (through b: variables, and parameters whose
// every call the package shows) ends in a constant path: a constant URL
// ("http://127.0.0.1:8080/up"), a concatenation whose parts after the last
// one it cannot read are constants (c.host + "/up", c.host + path with path
// a constant at every call), or fmt.Sprintf with a constant format whose
// text after its last verb is the path ("http://127.0.0.1:%v/quit"). nil
// when one source does not.
func URLPaths(b *ssaflow.Backtracer, v ssa.Value) []string {
	var paths []string
	for _, src := range b.Sources(v).Sources {
		ps := sourcePaths(b, src.Value)
		if ps == nil {
			return nil
		}
		paths = append(paths, ps...)
	}
	return paths
}

// sourcePaths returns the paths one source of a URL ends in, or nil.
func sourcePaths(b *ssaflow.Backtracer, v ssa.Value) []string {
	if s, ok := ssaflow.ConstString(v); ok {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.Path == "" {
			return nil
		}
		return []string{u.Path}
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		if v.Op != token.ADD {
			return nil
		}
		parts := ssaflow.ConcatParts(v)
		tail := ""
		i := len(parts) - 1
		for ; i >= 0; i-- {
			s, ok := ssaflow.ConstString(parts[i])
			if !ok {
				break
			}
			tail = s + tail
		}
		if i < 0 {
			return nil // all constant: folded already
		}
		if tail != "" {
			return wholePath(tail)
		}
		// The last part is not constant: a path parameter (c.host + path)
		// whose sources are constant paths.
		var paths []string
		for _, src := range b.Sources(parts[i]).Sources {
			s, ok := ssaflow.ConstString(src.Value)
			if !ok {
				return nil
			}
			ps := wholePath(s)
			if ps == nil {
				return nil
			}
			paths = append(paths, ps...)
		}
		return paths
	case *ssa.Call:
		if !httpapi.Sprintf.Matches(callee.Func(v.Common())) || len(v.Call.Args) == 0 {
			return nil
		}
		format, ok := ssaflow.ConstString(v.Call.Args[0])
		last := strings.LastIndex(format, "%")
		if !ok || last < 0 || last+2 > len(format) {
			return nil
		}
		return wholePath(format[last+2:])
	}
	return nil
}

// wholePath returns s as a path, when it is one: it starts with a slash
// and holds no query, fragment or further formatting.
func wholePath(s string) []string {
	if !strings.HasPrefix(s, "/") || strings.ContainsAny(s, "?#%") {
		return nil
	}
	return []string{s}
}
