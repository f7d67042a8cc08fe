package idleperhost

import (
	"go/token"
	"slices"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/callee"
	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"github.com/kalint/kalint/analyzers/internal/ssaflow"
	"golang.org/x/tools/go/ssa"
)

// How the standard library builds URLs and requests, read back to a
// target: the calls of [builders], concatenations and literals.

// call resolves the result of a standard-library call that builds a URL or
// request; ok is false if call is none of them.
func (s *state) call(call *ssa.Call, k kind, depth int) (target, bool) {
	common := call.Common()
	fn := callee.Func(common)
	if fn == nil || common.IsInvoke() {
		return target{}, false
	}
	args := common.Args
	switch k {
	case kindString:
		switch {
		case httpapi.URLString.Matches(fn):
			return s.resolve(args[0], kindURL, depth), true
		case httpapi.URLJoinPath.Matches(fn), httpapi.StringsTrimEnd.Matches(fn):
			return s.resolve(args[0], kindString, depth), true
		case httpapi.Sprintf.Matches(fn):
			return s.sprintf(args, depth), true
		case httpapi.PathJoin.Matches(fn):
			if first := ssaflow.VariadicArg(args[0], 0); first != nil {
				return s.resolve(first, kindString, depth), true
			}
			return target{}, true
		}
	case kindURL:
		switch {
		case httpapi.URLParse.Matches(fn), httpapi.URLParseReq.Matches(fn):
			return s.resolve(args[0], kindString, depth), true
		case httpapi.URLJoinPathURL.Matches(fn):
			return s.resolve(args[0], kindURL, depth), true
		case httpapi.URLResolveReference.Matches(fn), httpapi.URLParseRef.Matches(fn):
			if s.relative(args[1]) {
				return s.resolve(args[0], kindURL, depth), true
			}
			return target{}, true
		}
	case kindRequest:
		switch {
		case httpapi.NewRequest.Matches(fn):
			return s.resolve(args[1], kindString, depth), true
		case httpapi.NewRequestWithContext.Matches(fn):
			return s.resolve(args[2], kindString, depth), true
		case httpapi.RequestWithContext.Matches(fn), httpapi.RequestClone.Matches(fn):
			return s.resolve(args[0], kindRequest, depth), true
		}
	}
	return target{}, false
}

// relative reports whether every source of ref, the reference that
// ResolveReference or (*url.URL).Parse resolves against a base, is
// relative, so the result keeps the base's scheme and host: a url.URL
// literal that sets only path, query and fragment, or a string whose
// constant start has no scheme and no "//".
func (s *state) relative(ref ssa.Value) bool {
	o := s.back.Sources(ref)
	for _, src := range o.Sources {
		switch v := src.Value.(type) {
		case *ssa.Alloc:
			if !relativeLiteral(v) {
				return false
			}
		default:
			str, ok := ssaflow.ConstString(ssaflow.ConcatParts(v)[0])
			colon, slash := strings.IndexByte(str, ':'), strings.IndexByte(str, '/')
			if !ok || strings.HasPrefix(str, "//") || colon >= 0 && (slash < 0 || colon < slash) {
				return false
			}
		}
	}
	return len(o.Sources) > 0
}

// relativeLiteral reports whether the url.URL literal a stores only into
// the fields of a relative reference.
func relativeLiteral(a *ssa.Alloc) bool {
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
		if !slices.ContainsFunc(httpapi.URLRelative, func(r httpapi.Field) bool { return r.Matches(fa.X.Type(), f) }) {
			return false
		}
	}
	return true
}

// concat resolves a string concatenation: the leading constants name the
// host, or the first operand is the base that the rest extends.
func (s *state) concat(v *ssa.BinOp, depth int) target {
	parts := ssaflow.ConcatParts(v)
	prefix, n := "", 0
	for _, p := range parts {
		str, ok := ssaflow.ConstString(p)
		if !ok {
			break
		}
		prefix += str
		n++
	}
	if n == 0 {
		return s.resolve(parts[0], kindString, depth)
	}
	if n < len(parts) && schemeOnly(prefix) {
		return s.heldHost(parts[n], depth)
	}
	return hostTarget(prefix, n == len(parts))
}

// schemeOnly reports whether prefix is "http://" or "https://": what
// follows it is the host.
func schemeOnly(prefix string) bool {
	scheme, rest, ok := strings.Cut(strings.ToLower(prefix), "://")
	return ok && rest == "" && (scheme == "http" || scheme == "https")
}

// heldHost resolves the host after a constant scheme ("http://"+o.peer):
// a base URL held in a field, captured variable or package variable holds
// the host just as well; a constant there would have joined the prefix.
func (s *state) heldHost(v ssa.Value, depth int) target {
	if t := s.resolve(v, kindString, depth); t.base != nil {
		return t
	}
	return target{}
}

// sprintf resolves fmt.Sprintf(format, args...): the constant text before
// the first verb names the host, or a leading %s or %v is the base.
func (s *state) sprintf(args []ssa.Value, depth int) target {
	format, ok := ssaflow.ConstString(args[0])
	if !ok {
		return target{}
	}
	verb := strings.IndexByte(format, '%')
	switch {
	case verb < 0:
		return hostTarget(format, true)
	case schemeOnly(format[:verb]) && (strings.HasPrefix(format[verb:], "%s") || strings.HasPrefix(format[verb:], "%v")):
		if first := ssaflow.VariadicArg(args[1], 0); first != nil {
			return s.heldHost(first, depth)
		}
	case verb > 0:
		return hostTarget(format[:verb], false)
	case strings.HasPrefix(format, "%s") || strings.HasPrefix(format, "%v"):
		if first := ssaflow.VariadicArg(args[1], 0); first != nil {
			return s.resolve(first, kindString, depth)
		}
	}
	return target{}
}

// hostTarget returns the host of an absolute http or https URL, or of a
// prefix of one. When the prefix ends inside the host (whole is false and
// no '/', '?' or '#' follows the host), the host is taken only if it looks
// finished: a following part may add a path, but not ".example.com".
func hostTarget(s string, whole bool) target {
	scheme, rest, ok := strings.Cut(s, "://")
	scheme = strings.ToLower(scheme)
	if !ok || (scheme != "http" && scheme != "https") {
		return target{}
	}
	host, _, terminated := cutAny(rest, "/?#")
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if host == "" || strings.ContainsAny(host, "% \t") {
		return target{}
	}
	if !terminated && !whole && strings.ContainsAny(host[len(host)-1:], ".-:[") {
		return target{}
	}
	return target{scheme: scheme, host: strings.ToLower(host)}
}

func cutAny(s, chars string) (before, after string, found bool) {
	if i := strings.IndexAny(s, chars); i >= 0 {
		return s[:i], s[i:], true
	}
	return s, "", false
}

// copiedURL returns the *url.URL that the url.URL variable a is a copy of
// (u := *c.base), when the copy changes only the fields of a relative
// reference (u.Path = ..., u.RawQuery = ...) and so keeps the base's
// scheme and host; nil otherwise.
func copiedURL(a *ssa.Alloc) ssa.Value {
	var from ssa.Value
	for _, ref := range *a.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != a {
			continue
		}
		load, ok := st.Val.(*ssa.UnOp)
		if !ok || load.Op != token.MUL || from != nil {
			return nil
		}
		from = load.X
	}
	if from == nil || !relativeLiteral(a) {
		return nil
	}
	return from
}

// urlLiteral resolves &url.URL{Scheme: ..., Host: ...} with constant
// fields.
func (s *state) urlLiteral(a *ssa.Alloc) target {
	var scheme, host string
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		f := ssaflow.FieldOf(fa.X.Type(), fa.Field)
		isHost, isScheme := httpapi.URLHost.Matches(fa.X.Type(), f), httpapi.URLScheme.Matches(fa.X.Type(), f)
		if !isHost && !isScheme {
			continue
		}
		for _, use := range *fa.Referrers() {
			st, ok := use.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			val, ok := ssaflow.ConstString(st.Val)
			if !ok {
				return target{}
			}
			if (isHost && host != "" && host != val) || (isScheme && scheme != "" && scheme != val) {
				return target{}
			}
			if isHost {
				host = val
			} else {
				scheme = val
			}
		}
	}
	if scheme == "" || host == "" {
		return target{}
	}
	return hostTarget(scheme+"://"+host+"/", true)
}

// requestLiteral resolves &http.Request{URL: u}.
func (s *state) requestLiteral(a *ssa.Alloc, depth int) target {
	var urls []ssa.Value
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || !httpapi.RequestURL.Matches(fa.X.Type(), ssaflow.FieldOf(fa.X.Type(), fa.Field)) {
			continue
		}
		for _, use := range *fa.Referrers() {
			if st, ok := use.(*ssa.Store); ok && st.Addr == fa {
				urls = append(urls, st.Val)
			}
		}
	}
	if len(urls) == 0 {
		return target{}
	}
	return s.all(urls, kindURL, depth)
}
