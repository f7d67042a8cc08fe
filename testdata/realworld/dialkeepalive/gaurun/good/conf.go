// Package good is gaurun's push clients after PR #52: both transports set
// IdleConnTimeout (from the same keepalive_timeout), so idle connections
// expire on the client.
package good

import "runtime"

// ConfToml is gaurun's configuration.
type ConfToml struct {
	Android SectionAndroid `toml:"android"`
	Ios     SectionIos     `toml:"ios"`
}

// SectionAndroid configures GCM.
type SectionAndroid struct {
	Enabled          bool   `toml:"enabled"`
	ApiKey           string `toml:"apikey"`
	Timeout          int    `toml:"timeout"`
	KeepAliveTimeout int    `toml:"keepalive_timeout"`
	KeepAliveConns   int    `toml:"keepalive_conns"`
}

// SectionIos configures APNs.
type SectionIos struct {
	Enabled          bool   `toml:"enabled"`
	PemCertPath      string `toml:"pem_cert_path"`
	PemKeyPath       string `toml:"pem_key_path"`
	Timeout          int    `toml:"timeout"`
	KeepAliveTimeout int    `toml:"keepalive_timeout"`
	KeepAliveConns   int    `toml:"keepalive_conns"`
}

// ConfGaurun is the configuration in use.
var ConfGaurun ConfToml

// BuildDefaultConf returns the defaults.
func BuildDefaultConf() ConfToml {
	var conf ConfToml
	n := runtime.NumCPU()
	conf.Android.Enabled = true
	conf.Android.Timeout = 5
	conf.Android.KeepAliveTimeout = 30
	conf.Android.KeepAliveConns = n
	conf.Ios.Enabled = true
	conf.Ios.Timeout = 5
	conf.Ios.KeepAliveTimeout = 30
	conf.Ios.KeepAliveConns = n
	return conf
}
