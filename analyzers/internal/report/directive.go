package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"slices"
	"strings"
)

// The comments that suppress findings (docs/suppression.md):
//
//	//kalint:ignore respbody,postretry reason   the finding's line or the line below
//	//kalint:file-ignore respbody reason        the whole file
//	//nolint:kalint, //nolint:respbody, //nolint:all, //nolint
//
// The nolint forms are golangci-lint's, with its ranges
// (pkg/result/processors/nolint_filter.go in golangci-lint v2): the
// comment's lines, and the whole node that starts on the next line in the
// comment's column.

// Suite lists kalint's analyzers in the order of analyzers.All, which a
// test there keeps it in (this package cannot import that one). Directives
// are checked against it, and its first analyzer reports the directives
// that name none of them, so that each is reported once.
func Suite() []string {
	return []string{"serveridle", "idleperhost", "respbody", "transportreuse", "dialkeepalive", "postretry", "keepalivesoff", "connfile", "h2health", "shareddefault"}
}

// A directive is one //kalint: comment.
type directive struct {
	pos, end  token.Pos
	text      string // the verb and names as written: //kalint:ignore respbody,postretry
	file      string
	line      int
	wholeFile bool
	names     []string
	problem   string // why it is malformed, "" if it is not; a malformed one suppresses nothing
	used      bool   // it suppressed a finding of this pass
}

// owner is the analyzer that reports the directive's problem: the first
// kalint analyzer it names, or else the suite's first.
func (d *directive) owner() string {
	suite := Suite()
	for _, n := range d.names {
		if slices.Contains(suite, n) {
			return n
		}
	}
	return suite[0]
}

// covers reports whether the directive suppresses a finding at posn.
func (d *directive) covers(posn token.Position) bool {
	return d.problem == "" && d.file == posn.Filename && (d.wholeFile || d.line == posn.Line || d.line == posn.Line-1)
}

// parseDirective reads a comment that starts with //kalint:.
func parseDirective(fset *token.FileSet, c *ast.Comment) *directive {
	posn := fset.Position(c.Slash)
	d := &directive{pos: c.Slash, end: c.End(), file: posn.Filename, line: posn.Line}
	fields := strings.Fields(strings.TrimPrefix(c.Text, "//"))
	verb := fields[0]
	d.text = "//" + verb
	switch verb {
	case "kalint:ignore":
	case "kalint:file-ignore":
		d.wholeFile = true
	default:
		d.problem = "is not a kalint directive"
		return d
	}
	if len(fields) < 2 {
		d.problem = "names no analyzer"
		return d
	}
	d.text += " " + fields[1]
	d.names = strings.Split(fields[1], ",")
	var unknown []string
	for _, n := range d.names {
		if !slices.Contains(Suite(), n) {
			unknown = append(unknown, fmt.Sprintf("%q", n))
		}
	}
	switch {
	case len(unknown) == 1:
		d.problem = "names an unknown analyzer " + unknown[0]
	case len(unknown) > 1:
		d.problem = "names unknown analyzers " + strings.Join(unknown, ", ")
	case len(fields) < 3:
		d.problem = "gives no reason"
	}
	return d
}

// A nolintRange is the lines that one //nolint comment covers.
type nolintRange struct {
	file     string
	from, to int
	names    []string // lowercase linter names; nil for every linter
}

// covers reports whether the comment suppresses analyzer's findings at
// posn: the comments that name analyzer, and, with suite, those for every
// linter and for kalint.
func (r nolintRange) covers(posn token.Position, analyzer string, suite bool) bool {
	if r.file != posn.Filename || posn.Line < r.from || r.to < posn.Line {
		return false
	}
	return slices.Contains(r.names, analyzer) || suite && (r.names == nil || slices.Contains(r.names, "kalint"))
}

var nolintRE = regexp.MustCompile(`^nolint( |:|$)`)

// nolintNames reads a comment as golangci-lint does: ok reports whether it
// is a //nolint comment, names the linters it lists (nil for all).
func nolintNames(text string) (names []string, ok bool) {
	text = strings.TrimLeft(text, "/ ")
	if !nolintRE.MatchString(text) {
		return nil, false
	}
	if strings.HasPrefix(text, "nolint:all") || !strings.HasPrefix(text, "nolint:") {
		return nil, true
	}
	text, _, _ = strings.Cut(text, "//") // an explanation may follow
	for item := range strings.SplitSeq(strings.TrimPrefix(text, "nolint:"), ",") {
		name := strings.ToLower(strings.TrimSpace(item))
		if name == "all" {
			return nil, true
		}
		names = append(names, name)
	}
	return names, true
}

// nolintRanges returns the ranges of f's //nolint comments.
func nolintRanges(fset *token.FileSet, f *ast.File) []nolintRange {
	type inline struct {
		nolintRange
		col int
	}
	var list []inline
	for _, g := range f.Comments {
		for _, c := range g.List {
			if names, ok := nolintNames(c.Text); ok {
				start := fset.Position(g.Pos())
				list = append(list, inline{nolintRange{start.Filename, start.Line, fset.Position(g.End()).Line, names}, start.Column})
			}
		}
	}
	if len(list) == 0 {
		return nil
	}
	// A comment covers the node that starts on the next line in its column.
	ranges := make([]nolintRange, len(list))
	for i, r := range list {
		ranges[i] = r.nolintRange
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		start := fset.Position(n.Pos())
		for i, r := range list {
			if r.to == start.Line-1 && r.col == start.Column {
				ranges[i].to = max(ranges[i].to, fset.Position(n.End()).Line)
			}
		}
		return true
	})
	return ranges
}
