package aliases

import (
	"crypto/tls"
	"net/http"
	"sync"
)

// A configuration whose client holds a transport of its own, from its
// constructor, and the default where a method stores it just before
// writing through it: that write can only reach the default.
type Config struct {
	HttpClient *http.Client
	mu         sync.Mutex
}

func DefaultConfig() *Config {
	return &Config{HttpClient: &http.Client{Transport: &http.Transport{}}}
}

type VaultClient struct{ config *Config }

func (c *VaultClient) UseDefaultTLS(conf *tls.Config) {
	c.config.mu.Lock()
	defer c.config.mu.Unlock()
	c.config.HttpClient.Transport = http.DefaultTransport
	c.config.HttpClient.Transport.(*http.Transport).TLSClientConfig = conf // want `TLSClientConfig changes http.DefaultTransport`
}

// The last store is a copy of the default: quiet.
func (c *VaultClient) UseOwnTLS(conf *tls.Config) {
	c.config.HttpClient.Transport = http.DefaultTransport.(*http.Transport).Clone()
	c.config.HttpClient.Transport.(*http.Transport).TLSClientConfig = conf
}

// The default is stored on one path only: the write may be meant for the
// transport of its own, quiet.
func (c *VaultClient) MaybeDefault(conf *tls.Config, def bool) {
	if def {
		c.config.HttpClient.Transport = http.DefaultTransport
	}
	c.config.HttpClient.Transport.(*http.Transport).TLSClientConfig = conf
}

// A call of the package between the store and the write may store
// another transport: quiet.
func (c *VaultClient) ResetThenTune(conf *tls.Config) {
	c.config.HttpClient.Transport = http.DefaultTransport
	c.reset()
	c.config.HttpClient.Transport.(*http.Transport).TLSClientConfig = conf
}

func (c *VaultClient) reset() { c.config = DefaultConfig() }

// Another configuration is put in place between the two: quiet.
func (c *VaultClient) SwapThenTune(conf *tls.Config, other *Config) {
	c.config.HttpClient.Transport = http.DefaultTransport
	c.config = other
	c.config.HttpClient.Transport.(*http.Transport).TLSClientConfig = conf
}

// A transport of its own that copies the default's *tls.Config pointer
// (stmcginnis/gofish#567): the write through it changes the default's.
func NewInsecure(insecure bool) *http.Client {
	def := http.DefaultTransport.(*http.Transport)
	transport := &http.Transport{
		Proxy:           def.Proxy,
		TLSClientConfig: def.TLSClientConfig,
	}
	if transport.TLSClientConfig == nil {
		transport.TLSClientConfig = &tls.Config{}
	}
	transport.TLSClientConfig.InsecureSkipVerify = insecure // want `TLSClientConfig.InsecureSkipVerify changes http.DefaultTransport`
	return &http.Client{Transport: transport}
}

// A copy of the default's configuration: quiet.
func NewInsecureClone(insecure bool) *http.Client {
	def := http.DefaultTransport.(*http.Transport)
	transport := &http.Transport{
		Proxy:           def.Proxy,
		TLSClientConfig: def.TLSClientConfig.Clone(),
	}
	if transport.TLSClientConfig == nil {
		transport.TLSClientConfig = &tls.Config{}
	}
	transport.TLSClientConfig.InsecureSkipVerify = insecure
	return &http.Client{Transport: transport}
}

// A configuration of its own set over the copied pointer before the
// write: quiet.
func NewInsecureOwn(insecure bool) *http.Client {
	def := http.DefaultTransport.(*http.Transport)
	transport := &http.Transport{
		Proxy:           def.Proxy,
		TLSClientConfig: def.TLSClientConfig,
	}
	transport.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	transport.TLSClientConfig.InsecureSkipVerify = insecure
	return &http.Client{Transport: transport}
}

// vault's NewClient (api/client.go): the caller's configuration, or the
// package's own default one, gets the default configuration's transport
// when its client has none. A caller that passes http.DefaultClient (as
// vault's TestClientDefaultHttpClient does) has it installed in the
// process-wide client; the package's own configuration on the other path
// does not make that write meant for it alone.
type VConfig struct{ HttpClient *http.Client }

func DefaultVConfig() *VConfig {
	return &VConfig{HttpClient: &http.Client{Transport: &http.Transport{}}}
}

func NewVClient(c *VConfig) *VConfig {
	def := DefaultVConfig()
	if c == nil {
		c = def
	}
	if c.HttpClient == nil {
		c.HttpClient = def.HttpClient
	}
	if c.HttpClient.Transport == nil {
		c.HttpClient.Transport = def.HttpClient.Transport // want `assignment to c.HttpClient.Transport changes http.DefaultClient`
	}
	return c
}

func NewVClientWithDefault() *VConfig {
	return NewVClient(&VConfig{HttpClient: http.DefaultClient})
}

// The same, but no caller passes the default: quiet.
func NewOwnVClient(c *VConfig) *VConfig {
	def := DefaultVConfig()
	if c == nil {
		c = def
	}
	if c.HttpClient == nil {
		c.HttpClient = def.HttpClient
	}
	if c.HttpClient.Transport == nil {
		c.HttpClient.Transport = def.HttpClient.Transport
	}
	return c
}

func NewOwnVClients() []*VConfig {
	return []*VConfig{NewOwnVClient(nil), NewOwnVClient(&VConfig{HttpClient: &http.Client{}}), NewOwnVClient(&VConfig{})}
}
