// Package gobusterdir is the dir mode: every word becomes a GET of the
// target URL followed by the word.
package gobusterdir

import (
	"context"
	"fmt"
	"strings"

	lib "example.com/realworld/idleperhost/gobuster/good"
)

// OptionsDir are the dir mode's settings.
type OptionsDir struct {
	lib.HTTPOptions
	URL     string
	Cookies string
}

// GobusterDir is the dir mode.
type GobusterDir struct {
	options *OptionsDir
	http    *lib.HTTPClient
}

// NewGobusterDir builds the mode and its client.
func NewGobusterDir(ctx context.Context, opts *OptionsDir) (*GobusterDir, error) {
	c, err := lib.NewHTTPClient(ctx, &opts.HTTPOptions)
	if err != nil {
		return nil, err
	}
	return &GobusterDir{options: opts, http: c}, nil
}

// PreRun checks the target answers.
func (d *GobusterDir) PreRun() error {
	if !strings.HasSuffix(d.options.URL, "/") {
		d.options.URL += "/"
	}
	if _, _, err := d.http.Get(d.options.URL, "", d.options.Cookies); err != nil {
		return fmt.Errorf("unable to connect to %s: %v", d.options.URL, err)
	}
	return nil
}

// Run requests one word.
func (d *GobusterDir) Run(word string) ([]lib.Result, error) {
	status, _, err := d.http.Get(d.options.URL+word, "", d.options.Cookies)
	if err != nil || status == nil {
		return nil, err
	}
	return []lib.Result{{Entity: word, Status: *status}}, nil
}
