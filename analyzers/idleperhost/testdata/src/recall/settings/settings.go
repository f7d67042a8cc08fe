// Package settings is a configuration package: its fields are false
// unless its own code (decoding a file, say) sets them.
package settings

type Config struct {
	DisableKeepAlives bool
	NoKeepAlives      bool
	KeepAlivesOff     bool
	Plain             bool
}
