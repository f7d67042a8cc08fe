package syntax

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
	"golang.org/x/tools/go/types/typeutil"
)

// SilentRoutes returns the paths that the package's own registrations on a
// ServeMux (ServeMux.Handle and HandleFunc, http.Handle and HandleFunc,
// with a constant pattern naming one path: "/up", "POST /did-run") route
// to a handler that writes no body on any path: it uses its
// ResponseWriter only to set headers and a status, itself or through the
// package's functions it passes it to. net/http answers such a handler
// with Content-Length 0 ((*response).finishRequest in net/http/server.go),
// and the client's transport gives that response http.NoBody and returns
// its connection to the pool before the client sees it (readTransfer in
// net/http/transfer.go, (*persistConn).readLoop in transport.go): a
// package that is client and server of one protocol (ginkgo's parallel
// support, a CLI's shutdown endpoint) has nothing to read in those
// answers. It reads the syntax, not SSA: the helpers a handler passes its
// writer to name nothing that makes ssapass build them.
func SilentRoutes(files []*ast.File, info *types.Info) map[string]bool {
	r := &routes{info: info, decls: make(map[*types.Func]*ast.FuncDecl), memo: make(map[*types.Var]bool)}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					r.decls[fn] = fd
				}
			}
		}
	}
	silent := make(map[string]bool)
	loud := make(map[string]bool) // registered to a handler that may write
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return true
			}
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			if !httpapi.HandleFunc.Matches(fn) && !httpapi.Handle.Matches(fn) &&
				!httpapi.ServeMuxHandleFunc.Matches(fn) && !httpapi.ServeMuxHandle.Matches(fn) {
				return true
			}
			path, ok := routePath(info, call.Args[0])
			if !ok {
				return true
			}
			if r.silentHandler(call.Args[1], 0) && !loud[path] {
				silent[path] = true
			} else {
				loud[path] = true
				delete(silent, path)
			}
			return true
		})
	}
	return silent
}

type routes struct {
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl
	memo  map[*types.Var]bool
}

// routePath returns the one path that a constant ServeMux pattern
// matches: "/up", or "POST /up"; not a subtree ("/api/"), a host, nor a
// wildcard.
func routePath(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return "", false
	}
	p, ok := constantString(tv)
	if !ok {
		return "", false
	}
	if _, rest, cut := strings.Cut(p, " "); cut {
		p = strings.TrimLeft(rest, " ")
	}
	if !strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.ContainsAny(p, "{}") {
		return "", false
	}
	return p, true
}

func constantString(tv types.TypeAndValue) (string, bool) {
	if tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// maxDepth bounds the factories and conversions silentHandler looks
// through.
const maxDepth = 4

// silentHandler reports whether the handler expression e runs a function
// of the package that writes no body: a function or method value, a
// function literal, one converted to http.HandlerFunc, or a call of the
// package's function that returns such a handler on every path (a
// handler factory).
func (r *routes) silentHandler(e ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return r.silentFunc(e.Type, e.Body)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := e.(*ast.Ident); ok {
			obj = r.info.Uses[id]
		} else {
			obj = r.info.Uses[e.(*ast.SelectorExpr).Sel]
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			return false
		}
		fd := r.decls[fn]
		return fd != nil && r.silentFunc(fd.Type, fd.Body)
	case *ast.CallExpr:
		if tv, ok := r.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return r.silentHandler(e.Args[0], depth+1) // http.HandlerFunc(f)
		}
		fn, _ := typeutil.Callee(r.info, e).(*types.Func)
		fd := r.decls[fn]
		if fd == nil {
			return false
		}
		returns := 0
		silent := true
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // its returns are its own
			case *ast.ReturnStmt:
				returns++
				silent = silent && len(n.Results) == 1 && r.silentHandler(n.Results[0], depth+1)
			}
			return true
		})
		return silent && returns > 0
	}
	return false
}

// silentFunc reports whether a handler's body uses its ResponseWriter
// parameter only for WriteHeader and Header.
func (r *routes) silentFunc(typ *ast.FuncType, body *ast.BlockStmt) bool {
	for _, field := range typ.Params.List {
		for _, name := range field.Names {
			if w, ok := r.info.Defs[name].(*types.Var); ok && httpapi.ResponseWriter.Matches(w.Type()) {
				return r.silentWriter(w, body)
			}
		}
	}
	return false
}

// silentWriter reports whether every use of w in body calls WriteHeader or
// Header on it, or passes it to a function of the package that uses its
// parameter so. A function met again while it is being judged adds no
// write.
func (r *routes) silentWriter(w *types.Var, body *ast.BlockStmt) bool {
	if done, ok := r.memo[w]; ok {
		return done
	}
	r.memo[w] = true
	silent := true
	allowed := make(map[*ast.Ident]bool)
	ast.Inspect(body, func(n ast.Node) bool {
		if !silent {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && r.info.Uses[id] == w {
				if name := sel.Sel.Name; name == "WriteHeader" || name == "Header" {
					allowed[id] = true
				}
				return true
			}
		}
		for i, arg := range call.Args {
			id, ok := ast.Unparen(arg).(*ast.Ident)
			if !ok || r.info.Uses[id] != w {
				continue
			}
			fn, _ := typeutil.Callee(r.info, call).(*types.Func)
			fd := r.decls[fn]
			p := paramAt(r.info, fd, i)
			if p == nil || call.Ellipsis.IsValid() || !r.silentWriter(p, fd.Body) {
				silent = false
				return false
			}
			allowed[id] = true
		}
		return true
	})
	if silent {
		ast.Inspect(body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && r.info.Uses[id] == w && !allowed[id] {
				silent = false
			}
			return silent
		})
	}
	r.memo[w] = silent
	return silent
}

// paramAt returns the parameter of fd that its call's argument i fills,
// or nil (no declaration, a variadic parameter).
func paramAt(info *types.Info, fd *ast.FuncDecl, i int) *types.Var {
	if fd == nil {
		return nil
	}
	n := 0
	for _, field := range fd.Type.Params.List {
		if _, variadic := field.Type.(*ast.Ellipsis); variadic {
			return nil
		}
		for _, name := range field.Names {
			if n == i {
				v, _ := info.Defs[name].(*types.Var)
				return v
			}
			n++
		}
		if len(field.Names) == 0 {
			n++
		}
	}
	return nil
}
