package option_test

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kalint/kalint/analyzers/internal/option"
)

// newSet returns a flag set with one flag of each kind, named after it,
// with valid defaults.
func newSet() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	option.DurationVar(fs, new(time.Duration), "duration", 2*time.Minute, "a duration")
	option.IntVar(fs, new(int), "int", 100, "an int")
	option.EnumVar(fs, new(string), "enum", "read", []string{"read", "strict"}, "an enum")
	option.EnumVar(fs, new(string), "enum3", "a", []string{"a", "b", "c"}, "an enum of three")
	option.ListVar(fs, new([]string), "list", []string{"POST", "PATCH"}, func(s string) error {
		if strings.ToUpper(s) != s {
			return fmt.Errorf("%q is not upper-case", s)
		}
		return nil
	}, "a list")
	option.TestsVar(fs, new(bool), false, "also report in _test.go files")
	return fs
}

func TestSet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		flag, value string
		want        any    // Get after Set, when err is ""
		err         string // part of the error
	}{
		{"duration", "90s", 90 * time.Second, ""},
		{"duration", "1h30m", 90 * time.Minute, ""},
		{"duration", "soon", nil, "not a duration"},
		{"duration", "90", nil, "not a duration"},
		{"duration", "", nil, "not a duration"},
		{"duration", "0s", nil, "must be positive"},
		{"duration", "-1m", nil, "must be positive"},
		{"int", "32", 32, ""},
		{"int", "0", nil, "must be positive"},
		{"int", "-3", nil, "must be positive"},
		{"int", "1.5", nil, "not an integer"},
		{"int", "many", nil, "not an integer"},
		{"enum", "strict", "strict", ""},
		{"enum", "bogus", nil, `must be "read" or "strict"`},
		{"enum", "Strict", nil, `must be "read" or "strict"`},
		{"enum", "", nil, `must be "read" or "strict"`},
		{"enum3", "d", nil, `must be one of "a", "b", "c"`},
		{"list", "PUT", []string{"PUT"}, ""},
		{"list", "PUT, DELETE", []string{"PUT", "DELETE"}, ""},
		{"list", "", nil, "empty list"},
		{"list", " ", nil, "empty list"},
		{"list", "POST,", nil, `empty item in "POST,"`},
		{"list", "POST,,PUT", nil, "empty item"},
		{"list", "POST,get", nil, `"get" is not upper-case`},
	} {
		fs := newSet()
		before := fs.Lookup(tc.flag).Value.String()
		err := fs.Set(tc.flag, tc.value)
		got := fs.Lookup(tc.flag).Value.(flag.Getter)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("-%s=%q: %v", tc.flag, tc.value, err)
		case tc.err == "" && fmt.Sprint(got.Get()) != fmt.Sprint(tc.want):
			t.Errorf("-%s=%q: Get() = %v, want %v", tc.flag, tc.value, got.Get(), tc.want)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("-%s=%q: error %v, want one containing %q", tc.flag, tc.value, err, tc.err)
		case tc.err != "" && got.String() != before:
			t.Errorf("-%s=%q: rejected, but the value changed from %s to %s", tc.flag, tc.value, before, got.String())
		}
	}
}

// Get returns the plain Go type, which the plugin reads to tell lists from
// scalars; String gives the command-line form of the default.
func TestDefaults(t *testing.T) {
	t.Parallel()
	fs := newSet()
	for _, tc := range []struct {
		flag, str, typ string
	}{
		{"duration", "2m0s", "time.Duration"},
		{"int", "100", "int"},
		{"enum", "read", "string"},
		{"list", "POST,PATCH", "[]string"},
		{"tests", "false", "bool"},
	} {
		v := fs.Lookup(tc.flag).Value
		if got := v.String(); got != tc.str {
			t.Errorf("-%s: String() = %q, want %q", tc.flag, got, tc.str)
		}
		if got := fmt.Sprintf("%T", v.(flag.Getter).Get()); got != tc.typ {
			t.Errorf("-%s: Get() is a %s, want %s", tc.flag, got, tc.typ)
		}
	}
	// PrintDefaults calls String on a zero value of each flag's type.
	var out strings.Builder
	fs.SetOutput(&out)
	fs.PrintDefaults()
	if !strings.Contains(out.String(), "(default 2m0s)") {
		t.Errorf("PrintDefaults:\n%s", out.String())
	}
}

// A list's default is copied: setting the flag leaves the caller's slice
// alone.
func TestListDefaultCopied(t *testing.T) {
	t.Parallel()
	def := []string{"POST", "PATCH"}
	var got []string
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	option.ListVar(fs, &got, "list", def, func(string) error { return nil }, "a list")
	got[0] = "PUT"
	if def[0] != "POST" {
		t.Errorf("default changed to %v through the flag's variable", def)
	}
}

// A bad default is a bug in the caller's code: it panics, naming the flag.
func TestBadDefault(t *testing.T) {
	t.Parallel()
	no := func(string) error { return errors.New("never") }
	for _, tc := range []struct {
		name   string
		define func(fs *flag.FlagSet)
		want   string
	}{
		{"negative duration", func(fs *flag.FlagSet) { option.DurationVar(fs, new(time.Duration), "d", -time.Second, "") }, "option -d=-1s: must be positive"},
		{"zero int", func(fs *flag.FlagSet) { option.IntVar(fs, new(int), "n", 0, "") }, "option -n=0: must be positive"},
		{"enum", func(fs *flag.FlagSet) { option.EnumVar(fs, new(string), "e", "lazy", []string{"read"}, "") }, `option -e=lazy: must be "read"`},
		{"empty list", func(fs *flag.FlagSet) { option.ListVar(fs, new([]string), "l", nil, no, "") }, "option -l=: empty list"},
		{"bad item", func(fs *flag.FlagSet) { option.ListVar(fs, new([]string), "l", []string{"x"}, no, "") }, "option -l=x: never"},
	} {
		func() {
			defer func() {
				if r := recover(); fmt.Sprint(r) != tc.want {
					t.Errorf("%s: panic %v, want %q", tc.name, r, tc.want)
				}
			}()
			tc.define(flag.NewFlagSet("test", flag.ContinueOnError))
		}()
	}
}
