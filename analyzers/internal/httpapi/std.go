package httpapi

import (
	"go/build"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// IsStd reports whether pkg belongs to the standard library, decided as the
// go command decides it: a path whose first element has no dot, naming a
// directory of GOROOT/src that holds a .go file (cmd/go's
// modload.importFromModules asks search.IsStandardImportPath, then
// internal/goroot.IsStandardPackage). The dot alone would take every
// package of a module such as `module myservice` for the standard library.
//
// When GOROOT cannot be found (a tool binary built with -trimpath and no go
// command on PATH), the dot is all there is to go on.
func IsStd(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	path := pkg.Path()
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	src := gorootSrc()
	if src == "" {
		return true
	}
	entries, err := os.ReadDir(filepath.Join(src, filepath.FromSlash(path)))
	if err != nil {
		return false
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			return true
		}
	}
	return false
}

// gorootSrc is GOROOT/src, or "" when it does not hold net/http (so is not
// a usable GOROOT). It is looked up once: GOROOT does not change while a
// driver runs.
var gorootSrc = sync.OnceValue(func() string {
	src := filepath.Join(build.Default.GOROOT, "src")
	if build.Default.GOROOT == "" {
		return ""
	}
	if info, err := os.Stat(filepath.Join(src, "net", "http")); err != nil || !info.IsDir() {
		return ""
	}
	return src
})
