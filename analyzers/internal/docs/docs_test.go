package docs

import (
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want, err string
	}{
		{
			name: "ok",
			src:  "// Package x is documented.\n//\n// # Analyzer x\n//\n// x: check a thing\n//\n// Longer text.\n//\n// More.\npackage x\n",
			want: "check a thing\n\nLonger text.\n\nMore.",
		},
		{
			name: "stops at the next analyzer",
			src:  "// # Analyzer x\n//\n// x: check a thing\n//\n// Text.\n//\n// # Analyzer y\n//\n// y: other\npackage x\n",
			want: "check a thing\n\nText.",
		},
		{name: "no comment", src: "package x\n", err: "no package comment"},
		{name: "no section", src: "// Package x.\npackage x\n", err: `no "# Analyzer x" section`},
		{name: "no summary", src: "// # Analyzer x\n//\n// check a thing\npackage x\n", err: "must start with"},
	} {
		got, err := Extract([]byte(tc.src), "x")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}
