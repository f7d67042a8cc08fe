// Package option defines the flags of the analyzers' options as validating
// flag.Values: each checks its value in Set, so every driver rejects a bad
// value once, when it parses flags (kalint and go vet -vettool exit 2; the
// golangci-lint plugin, which calls Set, fails to load), before any package
// is analysed. Analyzers' run functions can then trust their options.
//
// Each XxxVar function works like its namesake in package flag. The
// default is checked like a command-line value; an analyzer's New passes
// its Options there, and a bad one panics: Options are written in code, so
// a bad value is the caller's bug, not input.
//
// Every value is a flag.Getter whose Get returns the plain Go value
// (time.Duration, int, string, []string), so tools such as the plugin can
// tell a list flag from a scalar one.
package option

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// value is a flag.Value that parses a command-line string into a T and
// checks it before storing it in *p.
type value[T any] struct {
	p      *T
	parse  func(string) (T, error)
	check  func(T) error
	format func(T) string
}

func (v *value[T]) Set(s string) error {
	x, err := v.parse(s)
	if err == nil {
		err = v.check(x)
	}
	if err != nil {
		return err
	}
	*v.p = x
	return nil
}

// String formats the current value. The flag package also calls it on a
// zero value (p nil) to tell whether a default is worth printing.
func (v *value[T]) String() string {
	if v.p == nil {
		return ""
	}
	return v.format(*v.p)
}

func (v *value[T]) Get() any { return *v.p }

// define checks the default like a command-line value, stores it and
// registers the flag.
func define[T any](fs *flag.FlagSet, v *value[T], name string, def T, usage string) {
	if err := v.check(def); err != nil {
		panic(fmt.Sprintf("option -%s=%s: %v", name, v.format(def), err))
	}
	*v.p = def
	fs.Var(v, name, usage)
}

var errNotPositive = errors.New("must be positive")

// DurationVar defines a flag for a positive duration, such as 90s or 2m.
func DurationVar(fs *flag.FlagSet, p *time.Duration, name string, def time.Duration, usage string) {
	define(fs, &value[time.Duration]{
		p: p,
		parse: func(s string) (time.Duration, error) {
			d, err := time.ParseDuration(s)
			if err != nil {
				return 0, errors.New("not a duration (such as 90s or 2m)")
			}
			return d, nil
		},
		check: func(d time.Duration) error {
			if d <= 0 {
				return errNotPositive
			}
			return nil
		},
		format: time.Duration.String,
	}, name, def, usage)
}

// IntVar defines a flag for a positive integer.
func IntVar(fs *flag.FlagSet, p *int, name string, def int, usage string) {
	define(fs, &value[int]{
		p: p,
		parse: func(s string) (int, error) {
			n, err := strconv.Atoi(s)
			if err != nil {
				return 0, errors.New("not an integer")
			}
			return n, nil
		},
		check: func(n int) error {
			if n <= 0 {
				return errNotPositive
			}
			return nil
		},
		format: strconv.Itoa,
	}, name, def, usage)
}

// EnumVar defines a flag whose value is one of choices.
func EnumVar(fs *flag.FlagSet, p *string, name string, def string, choices []string, usage string) {
	define(fs, &value[string]{
		p:     p,
		parse: func(s string) (string, error) { return s, nil },
		check: func(s string) error {
			if !slices.Contains(choices, s) {
				return fmt.Errorf("must be %s", oneOf(choices))
			}
			return nil
		},
		format: func(s string) string { return s },
	}, name, def, usage)
}

// oneOf lists choices for a message: "a", "a" or "b", one of "a", "b", "c".
func oneOf(choices []string) string {
	quoted := make([]string, len(choices))
	for i, c := range choices {
		quoted[i] = strconv.Quote(c)
	}
	if len(quoted) <= 2 {
		return strings.Join(quoted, " or ")
	}
	return "one of " + strings.Join(quoted, ", ")
}

// ListVar defines a flag for a non-empty comma-separated list, such as
// POST,PATCH. Items are trimmed of spaces; each must be non-empty and pass
// checkItem.
func ListVar(fs *flag.FlagSet, p *[]string, name string, def []string, checkItem func(string) error, usage string) {
	define(fs, &value[[]string]{
		p: p,
		parse: func(s string) ([]string, error) {
			if strings.TrimSpace(s) == "" {
				return nil, nil // the check rejects the empty list
			}
			list := strings.Split(s, ",")
			for i := range list {
				list[i] = strings.TrimSpace(list[i])
			}
			return list, nil
		},
		check: func(list []string) error {
			if len(list) == 0 {
				return errors.New("empty list")
			}
			for _, item := range list {
				if item == "" {
					return fmt.Errorf("empty item in %q", strings.Join(list, ","))
				}
				if err := checkItem(item); err != nil {
					return err
				}
			}
			return nil
		},
		format: func(list []string) string { return strings.Join(list, ",") },
	}, name, slices.Clone(def), usage)
}

// TestsVar defines the flag -tests that the analyzers quiet in _test.go
// files by default share: when true, the analyzer reports there too.
// usage says what else, if anything, the analyzer counts as test code.
func TestsVar(fs *flag.FlagSet, p *bool, def bool, usage string) {
	fs.BoolVar(p, TestsFlag, def, usage)
}

// TestsFlag is the name of the flag [TestsVar] defines.
const TestsFlag = "tests"
