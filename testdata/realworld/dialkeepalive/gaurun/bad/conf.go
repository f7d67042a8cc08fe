// Package bad is the shape of mercari/gaurun's push clients before PR #52:
// the configuration's (ios|android).keepalive_timeout, meant as the time
// an idle connection to APNs or GCM is kept, is fed to net.Dialer.KeepAlive
// (the TCP probe interval), and neither transport sets IdleConnTimeout, so
// idle connections never expire on the client and the ones the push
// services drop are found dead on the next push.
package bad

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
