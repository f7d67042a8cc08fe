package respbody_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kalint/kalint/analyzers/internal/report"
	"github.com/kalint/kalint/analyzers/respbody"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestBound checks the bound on the cost of one function, on functions
// generated here (too large for testdata): a request followed by 9000
// branches is still analysed (the bound grows with the function), 5120
// responses in one function stop the analysis with a note instead of
// taking minutes (78 s without the bound), and the note names the
// function. Not parallel: the CPU time it checks is of this analysis
// alone, not of the other tests' loading in the same process.
func TestBound(t *testing.T) {
	dir := t.TempDir()
	var src strings.Builder
	src.WriteString("package big\n\nimport (\n\t\"io\"\n\t\"net/http\"\n)\n\n")
	branches := func(name, after string) {
		fmt.Fprintf(&src, "func %s(c *http.Client, u string, xs []int) error {\n", name)
		fmt.Fprintf(&src, "\tresp, err := c.Get(u)%s\n\tif err != nil {\n\t\treturn err\n\t}\n%s", map[bool]string{true: "", false: " // want `not closed`"}[strings.Contains(after, "Close")], after)
		for i := range 9000 {
			fmt.Fprintf(&src, "\tif xs[%d] > 0 {\n\t\tprintln(%d)\n\t}\n", i%7, i)
		}
		src.WriteString("\treturn nil\n}\n\n")
	}
	branches("Branches", "\tprintln(resp.StatusCode)\n")
	branches("BranchesClosed", "\tdefer resp.Body.Close()\n\tio.Copy(io.Discard, resp.Body)\n")
	// Each response stays open until the end, so the walk of each covers
	// the rest of the function: the square of its size without the bound.
	src.WriteString("func Many(c *http.Client, u string) {\n")
	const many = 5120
	for i := range many {
		fmt.Fprintf(&src, "\tr%d, err := c.Get(u)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n", i)
	}
	for i := range many {
		fmt.Fprintf(&src, "\tio.Copy(io.Discard, r%d.Body)\n\tr%d.Body.Close()\n", i, i)
	}
	src.WriteString("}\n")
	pkg := filepath.Join(dir, "src", "big")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "big.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	a := *respbody.New(respbody.Options{})
	var took time.Duration
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		start := cpuTime()
		defer func() { took = cpuTime() - start }()
		return run(pass)
	}
	results := analysistest.Run(t, dir, &a, "big")
	if took > 5*time.Second {
		t.Errorf("analysis took %v of CPU, want < 5s (the cost of a function must stay linear in its size)", took)
	}
	if len(results) != 1 {
		t.Fatalf("%d results, want 1", len(results))
	}
	notes, _ := results[0].Result.(report.Notes)
	if len(notes) != 1 || !strings.Contains(notes[0].Message, "analysis of Many stopped") {
		t.Fatalf("notes %v, want one saying that the analysis of Many stopped", notes)
	}
	if posn := results[0].Pass.Fset.Position(notes[0].Pos); !strings.HasSuffix(posn.Filename, "big.go") {
		t.Errorf("note at %v, want it in big.go", posn)
	}
}
