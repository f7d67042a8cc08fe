package ssapass

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/kalint/kalint/analyzers/internal/httpapi"
)

// trim returns the package's files with the bodies of the functions that
// cannot matter to any kalint analyzer removed, so that SSA is built only
// for the rest: a large package with a small HTTP part (a message server
// with a monitoring endpoint, say) then costs what its HTTP part costs. It
// also returns, by package, the imported functions and variables that the
// kept code names: the only members of other packages that the SSA builder
// looks up (in BareInits mode, where the package initialiser does not call
// the imports' initialisers; methods it makes from type information).
//
// What the analyzers follow, and how, is declared once, in httpapi
// ([httpapi.FollowOf]); the rules below read those declarations and copy no
// analyzer's walk. A function matters when:
//   - its body or signature names a value the analyzers follow or a symbol
//     they match: a type of [httpapi.UpTypes] or [httpapi.ValueTypes] (a
//     server, client, transport, round tripper, request or response of
//     net/http; x/net's HTTP/2 transport; a dialer, listen config, TCP
//     connection or keep-alive setting of net); a symbol of [httpapi.Listed] (a field such as
//     ReadTimeout, a method such as SetKeepAlivesEnabled) other than an
//     [httpapi.Context] one; anything of syscall or golang.org/x/sys;
//     another package's constructor of a transport or client
//     ([httpapi.Foreign]); another package's function that can reach
//     net/http and returns an io.ReadCloser and an error, a module's
//     sender of a body (respbody's facts may say it is open); or a
//     function, field or package variable
//     whose type is made of one of those types (a pointer, container,
//     function or interface type: structs are not looked into, since using
//     a field names it). The rest of net/http counts only through its
//     types: a status code, a cookie, a header, a response writer or a mux
//     make nothing matter, and a function's signature that passes a
//     handler's request (a server's, which no analyzer follows) does not
//     make its callers matter. The package's own types count only through
//     what they are made of, also when the package is net/http or package
//     net: they are the API that the analyzers check the use of, and in
//     their own package they are in every function;
//   - it is init or main;
//   - it calls a function whose callers matter and which is unexported (or
//     in package main): the analyzers follow calls up only where the
//     package shows every caller (retry loops, "runs once", requests and
//     clients passed in), and so need those callers. The callers of a
//     function matter when its signature passes a value that matters in or
//     out, when it names what the analyzers walk up from ([httpapi.Up]:
//     it sends, serves, or makes a client, transport or server), or when it
//     matters as such a caller; not when it only
//     names something else that matters (a request's header), which would
//     otherwise pull in most of a large server's call graph. Values
//     followed through calls need no such rule: every function that holds
//     one names its type and matters by itself;
//   - it calls a method of an interface that the package declares, and a
//     method of the package that implements it (exported or not) has
//     callers that matter, or it calls such a method directly: postretry
//     judges an exported method that the package calls through its own
//     interface by all the package's calls of it ([ssaflow.Index.Invokers]);
//   - it calls a function of the package, exported or not, that names a
//     type of [httpapi.MadeTypes] or another package's constructor
//     ([httpapi.Foreign]) and returns something: a constructor, maybe of a
//     struct or interface of the package holding what it makes, whose every
//     call is judged where it is (a controller's Reconcile that makes an
//     API client through the package's NewClient);
//   - it starts goroutines (a go statement, or a call given a function
//     literal, as sync.WaitGroup.Go and errgroup's Go are) and calls a
//     function whose callers matter, exported or not: the analyzers look
//     for the concurrent code that sends (idleperhost's per-host limit
//     bites only when requests overlap), and the starter is where it is;
//   - it calls an unexported function or method that matters and returns
//     what a helper can hold (a file, a closer): the analyzers follow the
//     result to the package's callers, which must all be there (a missing
//     one would make the value look dropped);
//   - it calls a function that names syscall or golang.org/x/sys, or one
//     that calls such a function, and a function that matters refers to
//     it: a descriptor passed on to a method that names only the
//     descriptor and the package's constants still reaches the system
//     call (such functions are helpers);
//   - it is a helper that a function that matters refers to, or that names
//     a field of the package that a function that matters names, and that
//     can hold something a helper hands on (not a mutex or a count). A
//     helper names a closer (io.Closer, io.ReadCloser, os.File, an interface
//     with a Close method) or a connection or listener of package net (an
//     address or a buffer is data): what a body, file or connection is
//     handed to; or it takes a function (a retry helper calls it, maybe in
//     a loop), is a func(error) bool (the predicate a retry helper asks)
//     or has type parameters (a generic helper passes on whatever it is
//     given), or names a field of function type (a retry helper or a send
//     function kept in a struct, which the analyzers follow to where it is
//     called), or returns a string or a URL (c.url(path), a copy of
//     the client's base URL with its path set: where requests go, which
//     idleperhost reads back to one host). Such helpers are everywhere in code
//     without HTTP (every file and socket helper of a message server, every
//     generic container), so they matter only next to code that does.
//
// A function without a body is, to the analyzers, one they cannot see: a
// missed report at worst, never a false one (respbody, for one, does not
// take a function of the package without a body for a producer of
// responses, as it does another module's).
//
// trim also returns the package's sealed methods (see [ssaflow.Index]).
func trim(files []*ast.File, info *types.Info, pkg *types.Package) ([]*ast.File, map[*types.Package][]types.Object, map[*types.Func]bool) {
	t := newTrimmer(files, info, pkg)
	t.declare()
	// Local variables are not looked at: every value a function holds comes
	// from something it names (a function, field, type or package variable
	// of its own package or another) or from its signature, which tell the
	// value's type where they are named. Locals are half the identifiers.
	scope := pkg.Scope()
	for id, obj := range info.Uses {
		if v, ok := obj.(*types.Var); ok && !v.IsField() && v.Parent() != scope && v.Pkg() == pkg {
			continue
		}
		t.use(id, obj)
	}
	t.propagate()

	kept, needed := t.needed()
	if kept == len(t.decls) {
		return files, needed, t.sealed()
	}
	return t.strip(files), needed, t.sealed()
}

// sealed returns the unexported methods of the package whose every use the
// built package shows: each function that names one is kept, and no
// interface of the package has a method of that name, through which it
// could be called unseen. Another package cannot name an unexported method
// nor satisfy an interface with it, and reflection cannot call it.
func (t *trimmer) sealed() map[*types.Func]bool {
	abstract := make(map[string]bool)
	for _, obj := range t.info.Defs {
		if fn, ok := obj.(*types.Func); ok {
			if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
				abstract[fn.Name()] = true
			}
		}
	}
	sealed := make(map[*types.Func]bool)
	for _, fi := range t.decls {
		if fi.obj != nil && fi.obj.Signature().Recv() != nil && !fi.obj.Exported() && !abstract[fi.obj.Name()] {
			sealed[fi.obj] = true
		}
	}
	for _, fi := range t.decls {
		if fi.level != matters {
			for _, ref := range fi.refs {
				delete(sealed, ref)
			}
		}
	}
	return sealed
}

// newTrimmer returns a trimmer for the package with its function
// declarations that have bodies, sorted by position.
func newTrimmer(files []*ast.File, info *types.Info, pkg *types.Package) *trimmer {
	t := &trimmer{
		info:     info,
		pkg:      pkg,
		memo:     make(map[types.Type]level),
		objs:     make(map[types.Object]facts),
		deciding: make(map[types.Type]int),
		funcs:    make(map[*types.Func]*fnInfo),
		global:   &fnInfo{level: matters},
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				t.decls = append(t.decls, &fnInfo{decl: fd})
			}
		}
	}
	slices.SortFunc(t.decls, func(a, b *fnInfo) int { return cmp.Compare(a.decl.Pos(), b.decl.Pos()) })
	t.spans = make([]span, len(t.decls))
	for i, fi := range t.decls {
		t.spans[i] = span{fi.decl.Pos(), fi.decl.End()}
	}
	return t
}

// declare sets what each function's declaration alone tells: its object,
// and how much it matters by its name and signature.
func (t *trimmer) declare() {
	for _, fi := range t.decls {
		fd := fi.decl
		obj, _ := t.info.Defs[fd.Name].(*types.Func)
		if obj == nil {
			fi.level = matters // ill-typed: keep, the builder copes
			continue
		}
		fi.obj = obj
		t.funcs[obj] = fi
		if takesFunc(obj) || errorPredicate(obj) || buildsURL(obj) || obj.Signature().TypeParams().Len() > 0 {
			fi.level = helper
		}
		if fd.Recv == nil && (fd.Name.Name == "init" || fd.Name.Name == "main") {
			fi.level = matters
		}
		// A function that passes a value that matters in or out: its
		// callers pass it on.
		sig := t.typ(obj.Type())
		fi.level = max(fi.level, sig)
		fi.up = sig == matters
		fi.returns = t.typ(obj.Signature().Results()) >= helper
	}
}

// needed returns how many declarations are kept and, by package, the
// imported functions and variables that the kept code names, sorted by
// name.
func (t *trimmer) needed() (int, map[*types.Package][]types.Object) {
	kept := 0
	needed := make(map[*types.Package][]types.Object)
	seen := make(map[types.Object]bool)
	for _, fi := range append(t.decls, t.global) {
		if fi.level == matters {
			if fi != t.global {
				kept++
			}
			for _, obj := range fi.needs {
				if !seen[obj] {
					seen[obj] = true
					needed[obj.Pkg()] = append(needed[obj.Pkg()], obj)
				}
			}
		}
	}
	for _, objs := range needed {
		slices.SortFunc(objs, func(a, b types.Object) int { return cmp.Compare(a.Name(), b.Name()) })
	}
	return kept, needed
}

// strip returns copies of files in which the functions that do not matter
// have no body; the files themselves are not changed.
func (t *trimmer) strip(files []*ast.File) []*ast.File {
	out := make([]*ast.File, len(files))
	for i, f := range files {
		copied := *f
		copied.Decls = make([]ast.Decl, len(f.Decls))
		for j, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fi := t.enclosing(fd.Pos()); fi != nil && fi.level != matters {
					bodiless := *fd
					bodiless.Body = nil
					d = &bodiless
				}
			}
			copied.Decls[j] = d
		}
		out[i] = &copied
	}
	return out
}

// span is the extent of a declaration.
type span struct{ pos, end token.Pos }

type fnInfo struct {
	decl  *ast.FuncDecl
	obj   *types.Func
	level level
	up    bool // its callers matter
	// makes is set when it names a type of httpapi.MadeTypes or another
	// package's constructor; with results, its callers matter, exported
	// or not.
	makes bool
	// returns is set when it returns what a helper can hold: when it
	// matters, its callers do (but not theirs, as with up).
	returns bool
	sys     bool           // it names syscall or golang.org/x/sys, or calls what does
	starts  int8           // whether it starts goroutines: 0 not known yet, 1 yes, -1 no
	refs    []*types.Func  // functions of the package it refers to
	field   []*types.Var   // fields of the package's types it names
	needs   []types.Object // imported functions and variables it names
}

type trimmer struct {
	info *types.Info
	pkg  *types.Package
	memo map[types.Type]level
	objs map[types.Object]facts // what naming each object tells
	// deciding holds the types being decided, with their depth; cut is the
	// smallest depth of one met again below the type being decided.
	deciding map[types.Type]int
	cut      int
	decls    []*fnInfo // declarations with bodies, by position
	spans    []span    // their extents, for a search by position
	global   *fnInfo   // the code outside them (package-level initialisers), which always matters
	funcs    map[*types.Func]*fnInfo
	// impls are the implementations of the package's interface methods,
	// implemented the methods among them, both filled an interface at a
	// time (matched) from the package's interfaces by method name and its
	// other named types (concrete), listed once.
	impls          map[*types.Func][]*fnInfo
	implemented    map[*types.Func]bool
	matched        map[*types.Named]bool
	ifacesByMethod map[string][]*types.Named
	concrete       []*types.Named
}

// enclosing returns the function declaration whose extent holds pos, or nil.
func (t *trimmer) enclosing(pos token.Pos) *fnInfo {
	lo, hi := 0, len(t.spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.spans[m].end <= pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(t.spans) && t.spans[lo].pos <= pos {
		return t.decls[lo]
	}
	return nil
}

// facts is what naming an object tells about the function it is named in.
type facts struct {
	member bool        // an imported function or variable
	ref    *types.Func // a function of the package
	field  *types.Var  // a field of the package's types
	v      level
	up     bool
	makes  bool // a type of httpapi.MadeTypes or another package's constructor
	sys    bool // of syscall or golang.org/x/sys
}

// factsOf returns what naming obj tells.
func (t *trimmer) factsOf(obj types.Object) facts {
	f := facts{member: member(obj, t.pkg)}
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Pkg() == t.pkg {
			f.ref = obj.Origin()
		}
	case *types.Var:
		// A field that can hold what a helper hands on (a mutex or a
		// counter, which every method names, cannot).
		if obj.IsField() && obj.Pkg() == t.pkg && t.typ(obj.Type()) != ignored {
			f.field = obj.Origin()
		}
	}
	f.v = t.object(obj)
	if v, ok := obj.(*types.Var); ok && v.IsField() && v.Pkg() == t.pkg && isFunc(v.Type()) {
		// A function kept in a field (a client's retry helper or send
		// function): what calls it is a helper of the code that stores it.
		f.field = v.Origin()
		f.v = max(f.v, helper)
	}
	if v, ok := obj.(*types.Var); ok && v.IsField() && v.Pkg() == t.pkg && httpapi.IsBodyField(v.Type()) {
		// A request's body kept in a field (r.bodyBuf, rebuilt only while
		// nil): what stores it is a helper of the code that sends it.
		f.field = v.Origin()
		f.v = max(f.v, helper)
	}
	f.up = f.v == matters && upward(obj)
	f.makes = made(obj)
	f.sys = obj.Pkg() != nil && obj.Pkg() != t.pkg && sysPkg(obj.Pkg().Path())
	return f
}

// use records what the identifier id, naming obj, tells about the function
// it appears in. What an object tells is worked out once: a package names
// the same few thousand objects a hundred thousand times.
func (t *trimmer) use(id *ast.Ident, obj types.Object) {
	f, ok := t.objs[obj]
	if !ok {
		f = t.factsOf(obj)
		t.objs[obj] = f
	}
	t.record(id, obj, f)
}

// record records f, told by the identifier id, in the function id appears
// in. Most identifiers tell nothing; they are ruled out before the search
// for the function.
func (t *trimmer) record(id *ast.Ident, obj types.Object, f facts) {
	if !f.member && f.ref == nil && f.field == nil && f.v == ignored && !f.makes {
		return
	}
	fi := t.enclosing(id.Pos())
	if fi == nil {
		fi = t.global // a package-level initialiser
	} else if fi.obj == nil {
		return // ill-typed, kept whole
	}
	if f.member {
		fi.needs = append(fi.needs, obj)
	}
	if f.ref != nil && f.ref != fi.obj {
		fi.refs = append(fi.refs, f.ref)
	}
	if f.field != nil {
		fi.field = append(fi.field, f.field)
	}
	fi.sys = fi.sys || f.sys
	fi.makes = fi.makes || f.makes
	switch {
	case fi.up:
	case f.v == matters:
		fi.level = matters
		fi.up = f.up
	default:
		fi.level = max(fi.level, f.v)
	}
}

// member reports whether obj is a package-level function or variable of a
// package other than pkg, which the SSA builder looks up in that package's
// SSA form.
func member(obj types.Object, pkg *types.Package) bool {
	p := obj.Pkg()
	if p == nil || p == pkg {
		return false
	}
	switch obj.(type) {
	case *types.Func, *types.Var:
		return obj.Parent() == p.Scope() // not a method, field or instance
	}
	return false
}

// propagate makes functions matter through calls and fields, up to a
// fixed point.
func (t *trimmer) propagate() {
	main := t.pkg.Name() == "main"
	shared := make(map[*types.Var]bool) // fields named by functions that matter
	for changed := true; changed; {
		changed = false
		for _, fi := range append(t.decls, t.global) {
			if fi.level == matters {
				for _, f := range fi.field {
					if !shared[f] {
						shared[f] = true
						changed = true
					}
				}
			}
			for _, ref := range fi.refs {
				callee := t.funcs[ref]
				if callee == nil {
					// A method of an interface of the package: the
					// package's methods that implement it are called
					// here (postretry follows such calls to a retry).
					if !fi.up && slices.ContainsFunc(t.implementations(ref), func(m *fnInfo) bool { return m.up }) {
						fi.level, fi.up = matters, true
						changed = true
					}
					continue
				}
				if !fi.up && callee.up && (main || !ref.Exported() || callee.constructs() || fi.startsGoroutines() || t.implements(ref)) {
					fi.level, fi.up = matters, true
					changed = true
				}
				if fi.level != matters && callee.returns && callee.level == matters && (main || !ref.Exported()) {
					fi.level = matters
					changed = true
				}
				if callee.sys && !fi.sys {
					fi.sys = true
					fi.level = max(fi.level, helper)
					changed = true
				}
				if fi.level == matters && callee.level == helper {
					callee.level = matters
					changed = true
				}
			}
			if fi.level == helper && slices.ContainsFunc(fi.field, func(f *types.Var) bool { return shared[f] }) {
				fi.level = matters
				changed = true
			}
		}
	}
}

// implementations returns the methods of the package's named types that
// implement m, when m is a method of an interface the package declares
// (as [ssaflow.Index.Invokers] resolves its calls). Each interface is
// matched against the package's types once, when a call of one of its
// methods is first asked about: matching every interface with every type
// up front cost a second on the corpus, most of it for interfaces nobody
// calls.
func (t *trimmer) implementations(m *types.Func) []*fnInfo {
	recv := m.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) {
		return nil
	}
	t.scanTypes()
	for _, iface := range t.ifacesByMethod[m.Name()] {
		// The interfaces that have m itself: its own, and those that
		// embed it (m may be io.Closer's Close embedded in one of the
		// package's), not every interface with a Close.
		if obj, _, _ := types.LookupFieldOrMethod(iface, false, m.Pkg(), m.Name()); obj == m {
			t.matchInterface(iface)
		}
	}
	return t.impls[m]
}

// implements reports whether m, a method of the package, implements a
// method of an interface the package declares: only the interfaces with a
// method of m's name are matched.
func (t *trimmer) implements(m *types.Func) bool {
	t.scanTypes()
	for _, iface := range t.ifacesByMethod[m.Name()] {
		t.matchInterface(iface)
	}
	return t.implemented[m]
}

// scanTypes lists the package's named types once: its interfaces by the
// names of their methods, and the others.
func (t *trimmer) scanTypes() {
	if t.ifacesByMethod != nil {
		return
	}
	t.ifacesByMethod = make(map[string][]*types.Named)
	t.impls = make(map[*types.Func][]*fnInfo)
	t.implemented = make(map[*types.Func]bool)
	t.matched = make(map[*types.Named]bool)
	scope := t.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		if iface, ok := named.Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				t.ifacesByMethod[m.Name()] = append(t.ifacesByMethod[m.Name()], named)
			}
		} else {
			t.concrete = append(t.concrete, named)
		}
	}
}

// matchInterface records, once per interface, the package's methods that
// implement its methods.
func (t *trimmer) matchInterface(named *types.Named) {
	t.scanTypes()
	if t.matched[named] {
		return
	}
	t.matched[named] = true
	iface := named.Underlying().(*types.Interface)
	for _, c := range t.concrete {
		if !mayHave(c, iface) || !types.Implements(c, iface) && !types.Implements(types.NewPointer(c), iface) {
			continue
		}
		for m := range iface.Methods() {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(c), false, t.pkg, m.Name())
			if fn, ok := obj.(*types.Func); ok && t.funcs[fn] != nil {
				t.impls[m] = append(t.impls[m], t.funcs[fn])
				t.implemented[fn] = true
			}
		}
	}
}

// mayHave reports whether c can have iface's methods: it declares a method
// of each name, or it is a struct that embeds a field (whose methods are
// promoted). A cheap test before types.Implements, which looks every
// method up through the embedded fields.
func mayHave(c *types.Named, iface *types.Interface) bool {
	if st, ok := c.Underlying().(*types.Struct); ok {
		for f := range st.Fields() {
			if f.Embedded() {
				return true
			}
		}
	}
	declared := make(map[string]bool, c.NumMethods())
	for m := range c.Methods() {
		declared[m.Name()] = true
	}
	for m := range iface.Methods() {
		if !declared[m.Name()] {
			return false
		}
	}
	return true
}

// constructs reports whether the function makes what is judged at each
// of its calls and returns something: a constructor of the package.
func (fi *fnInfo) constructs() bool {
	return fi.makes && fi.obj != nil && fi.obj.Signature().Results().Len() > 0
}

// startsGoroutines reports whether the function has a go statement or
// passes a function literal to a call (sync.WaitGroup.Go, errgroup's Go, a
// pool's Submit). Only functions that call a sender are asked, so the walk
// of the body is rare.
func (fi *fnInfo) startsGoroutines() bool {
	if fi.decl == nil {
		return false // package-level initialisers, which always matter
	}
	if fi.starts == 0 {
		fi.starts = -1
		ast.Inspect(fi.decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				fi.starts = 1
			case *ast.CallExpr:
				if slices.ContainsFunc(n.Args, func(e ast.Expr) bool { _, ok := e.(*ast.FuncLit); return ok }) {
					fi.starts = 1
				}
			}
			return fi.starts != 1
		})
	}
	return fi.starts == 1
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
