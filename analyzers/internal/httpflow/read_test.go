package httpflow_test

import (
	"testing"

	"github.com/kalint/kalint/analyzers/internal/httpflow"
	"github.com/kalint/kalint/analyzers/internal/ssatest"
	"golang.org/x/tools/go/ssa"
)

// TestReadErrors counts the errors that say a read of f's parameter r
// failed or met EOF.
func TestReadErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"read all", `_, err := io.ReadAll(r); _ = err`, 1},
		{"limited", `_, err := io.ReadAll(io.LimitReader(r, 10)); _ = err`, 1},
		{"buffered line", `_, err := bufio.NewReader(r).ReadString('\n'); _ = err`, 1},
		{"read full", `_, err := io.ReadFull(r, make([]byte, 4)); _ = err`, 1},
		{"read", `_, err := r.Read(nil); _ = err`, 1},
		{"copy to discard", `_, err := io.Copy(io.Discard, io.LimitReader(r, 10)); _ = err`, 1},
		{"copy to a writer", `_, err := io.Copy(w, r); _ = err`, 0},
		{"decode", `err := json.NewDecoder(r).Decode(new(any)); _ = err`, 0},
		{"tee", `_, err := io.ReadAll(io.TeeReader(r, w)); _ = err`, 0},
		{"decompressor", `_, err := gzip.NewReader(r); _ = err`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkg := ssatest.Build(t, `package p
				import ("bufio"; "compress/gzip"; "encoding/json"; "io")
				var _, _, _, _ = bufio.NewReader, gzip.NewReader, json.NewDecoder, io.EOF
				func f(r io.Reader, w io.Writer) { `+tc.body+` }`)
			fn := pkg.Func("f")
			n := 0
			for _, ref := range *fn.Params[0].Referrers() {
				if call, ok := ref.(ssa.CallInstruction); ok {
					n += len(httpflow.ReadErrors(call, fn.Params[0]))
				}
			}
			if n != tc.want {
				t.Errorf("%d errors, want %d", n, tc.want)
			}
		})
	}
}
