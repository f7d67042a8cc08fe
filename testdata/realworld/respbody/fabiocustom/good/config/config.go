// Package config stands for fabiolb/fabio's config package: the settings
// of the custom registry backend, which polls a URL for the routing table.
package config

import "time"

// Custom configures the custom registry backend.
type Custom struct {
	Host               string
	Path               string
	QueryParams        string
	Scheme             string
	CheckTLSSkipVerify bool
	PollInterval       time.Duration
	NoRouteHTML        string
	Timeout            time.Duration
}
