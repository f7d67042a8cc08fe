package analyzers_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Every golden file of a suggested fix is code that compiles: the
// scenario's package, with each file replaced by its golden (or by one
// section of a txtar golden), type-checks. Scenarios live in GOPATH-style
// trees (<analyzer>/testdata/src/<import path>); their imports resolve to
// that tree, else to the standard library's export data, listed by one
// `go list` for all goldens.
func TestGoldensCompile(t *testing.T) {
	t.Parallel()
	pkgs := goldenPackages(t)
	if len(pkgs) == 0 {
		t.Fatal("no golden files under */testdata/src")
	}
	fset := token.NewFileSet()
	var paths []string
	for _, p := range pkgs {
		p.parse(t, fset)
		paths = append(paths, p.imports()...)
	}
	std := importer.ForCompiler(fset, "gc", exportLookup(t, paths))
	importers := map[string]*treeImporter{}
	for _, p := range pkgs {
		im := importers[p.root]
		if im == nil {
			im = &treeImporter{root: p.root, fset: fset, std: std, done: map[string]*types.Package{}}
			importers[p.root] = im
		}
		for _, v := range p.variants() {
			conf := types.Config{Importer: im, FakeImportC: true, Error: func(err error) {
				t.Errorf("%s: fixed code does not compile: %v", v.name, err)
			}}
			conf.Check(p.path, fset, v.files, nil)
		}
	}
}

// goldenPackage is a scenario directory with golden files.
type goldenPackage struct {
	root, path, dir string
	files           map[string]*ast.File   // the directory's .go files, by name
	goldens         map[string][]*ast.File // their goldens, by name: one, or one per txtar section
	sections        map[string][]string    // the txtar section names, by name
}

func goldenPackages(t *testing.T) []*goldenPackage {
	t.Helper()
	roots, err := filepath.Glob(filepath.Join("*", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	byDir := map[string]*goldenPackage{}
	var pkgs []*goldenPackage
	for _, root := range roots {
		err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(name, ".go.golden") {
				return err
			}
			dir := filepath.Dir(name)
			if byDir[dir] == nil {
				rel, _ := filepath.Rel(root, dir)
				byDir[dir] = &goldenPackage{root: root, path: filepath.ToSlash(rel), dir: dir}
				pkgs = append(pkgs, byDir[dir])
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return pkgs
}

// parse reads the package's files and goldens; files excluded by build
// constraints are left out, as the build would leave them out.
func (p *goldenPackage) parse(t *testing.T, fset *token.FileSet) {
	t.Helper()
	var err error
	if p.files, err = parseDir(fset, p.dir); err != nil {
		t.Fatal(err)
	}
	p.goldens, p.sections = map[string][]*ast.File{}, map[string][]string{}
	for name := range p.files {
		golden := filepath.Join(p.dir, name+".golden")
		ar, err := txtar.ParseFile(golden)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		if len(ar.Files) == 0 {
			ar.Files = []txtar.File{{Data: ar.Comment}}
		}
		for _, s := range ar.Files {
			f, err := parser.ParseFile(fset, golden, s.Data, parser.SkipObjectResolution)
			if err != nil {
				t.Errorf("fixed code does not parse: %v", err)
				f = p.files[name]
			}
			p.goldens[name] = append(p.goldens[name], f)
			if s.Name != "" {
				p.sections[name] = append(p.sections[name], s.Name)
			}
		}
	}
}

// parseDir parses the package's non-test files in dir.
func parseDir(fset *token.FileSet, dir string) (map[string]*ast.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string]*ast.File{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files[name] = f
	}
	return files, nil
}

// imports returns the paths the package and its goldens import.
func (p *goldenPackage) imports() []string {
	var paths []string
	for _, f := range p.files {
		paths = append(paths, fileImports(f)...)
	}
	for _, gs := range p.goldens {
		for _, f := range gs {
			paths = append(paths, fileImports(f)...)
		}
	}
	return paths
}

func fileImports(f *ast.File) []string {
	var paths []string
	for _, imp := range f.Imports {
		paths = append(paths, strings.Trim(imp.Path.Value, `"`))
	}
	return paths
}

// variant is the package with fixes applied to some of its files.
type variant struct {
	name  string
	files []*ast.File
}

// variants returns the package with every single-form golden in place of
// its file, and that again with each section of a txtar golden in place of
// its file in turn.
func (p *goldenPackage) variants() []variant {
	names := slices.Sorted(maps.Keys(p.files))
	with := func(replace string, section int) []*ast.File {
		var files []*ast.File
		for _, name := range names {
			switch gs := p.goldens[name]; {
			case name == replace:
				files = append(files, gs[section])
			case p.sections[name] == nil && gs != nil:
				files = append(files, gs[0])
			default:
				files = append(files, p.files[name])
			}
		}
		return files
	}
	vs := []variant{{name: p.dir, files: with("", 0)}}
	for _, name := range names {
		for i, s := range p.sections[name] {
			vs = append(vs, variant{name: fmt.Sprintf("%s, %s section %q", p.dir, name, s), files: with(name, i)})
		}
	}
	return vs
}

// exportLookup finds the export data of the paths that are not in a
// testdata tree (the standard library, with its dependencies) with one
// `go list`, for the gc importer.
func exportLookup(t *testing.T, paths []string) func(string) (io.ReadCloser, error) {
	t.Helper()
	slices.Sort(paths)
	paths = slices.DeleteFunc(slices.Compact(paths), func(p string) bool {
		return p == "C" || p == "unsafe" || inTestdata(p)
	})
	exports := map[string]string{}
	if len(paths) > 0 {
		cmd := exec.Command("go", append([]string{"list", "-e", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, paths...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -export: %v\n%s", err, stderr.Bytes())
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if path, file, ok := strings.Cut(line, "\t"); ok && file != "" {
				exports[path] = file
			}
		}
	}
	return func(path string) (io.ReadCloser, error) {
		file, ok := exports[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %q (not in the standard library or a testdata tree)", path)
		}
		return os.Open(file)
	}
}

// inTestdata reports whether some testdata tree has the package path.
func inTestdata(path string) bool {
	dirs, _ := filepath.Glob(filepath.Join("*", "testdata", "src", filepath.FromSlash(path)))
	return len(dirs) > 0
}

// treeImporter imports from one testdata tree, from source, else from the
// standard library.
type treeImporter struct {
	root string
	fset *token.FileSet
	std  types.Importer
	done map[string]*types.Package
}

func (im *treeImporter) Import(path string) (*types.Package, error) {
	if pkg := im.done[path]; pkg != nil {
		return pkg, nil
	}
	dir := filepath.Join(im.root, filepath.FromSlash(path))
	if _, err := os.Stat(dir); err != nil {
		return im.std.Import(path)
	}
	byName, err := parseDir(im.fset, dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		files = append(files, byName[name])
	}
	conf := types.Config{Importer: im, FakeImportC: true}
	pkg, err := conf.Check(path, im.fset, files, nil)
	if err != nil {
		return nil, err
	}
	im.done[path] = pkg
	return pkg, nil
}
