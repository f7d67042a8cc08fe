// Package basic makes transports for one request and drops them, next to
// functions that keep theirs.
package basic

import (
	"crypto/tls"
	"io"
	"net/http"
	"time"
)

func FetchInsecure(url string) (*http.Response, error) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}} // want `http.Transport created on every call to FetchInsecure \(no connection is reused; idle connections leak until the server closes them\)`
	client := &http.Client{Transport: tr}
	return client.Get(url)
}

var insecure = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

func FetchInsecureGood(url string) (*http.Response, error) {
	return insecure.Get(url)
}

func Inline(url string) (*http.Response, error) {
	return (&http.Client{Transport: &http.Transport{IdleConnTimeout: time.Minute}}).Get(url) // want `http.Transport created on every call to Inline \(no connection is reused; idle connections leak until IdleConnTimeout\)`
}

func New(url string) error {
	tr := new(http.Transport) // want `created on every call to New`
	c := http.Client{Transport: tr}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Clone(req *http.Request) (*http.Response, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport cloned on every call to Clone \(no connection is reused; idle connections leak until IdleConnTimeout\)`
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return tr.RoundTrip(req)
}

func CloneCommaOK(req *http.Request) (*http.Response, error) {
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return nil, nil
	}
	c := &http.Client{}
	c.Transport = base.Clone() // want `cloned on every call to CloneCommaOK`
	return c.Do(req)
}

func RoundTripper(req *http.Request) (*http.Response, error) {
	var rt http.RoundTripper = &http.Transport{} // want `created on every call to RoundTripper`
	return rt.RoundTrip(req)
}

// Good twins: the transport is kept, returned, or has no pool.

func Returned() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

type API struct {
	client *http.Client
}

func NewAPI() *API {
	return &API{client: &http.Client{Transport: &http.Transport{}}}
}

func (a *API) Init() {
	a.client = &http.Client{Transport: &http.Transport{}}
}

func (a *API) Get(url string) (*http.Response, error) { return a.client.Get(url) }

func DefaultPool(url string) (*http.Response, error) {
	c := &http.Client{Timeout: time.Second} // shares DefaultTransport
	return c.Get(url)
}

func SharedTransport(url string) (*http.Response, error) {
	c := &http.Client{Transport: http.DefaultTransport, Timeout: time.Second}
	return c.Get(url)
}

func NoKeepAlives(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	return c.Get(url)
}

func MaybeKeepAlives(url string, off bool) (*http.Response, error) {
	tr := &http.Transport{}
	tr.DisableKeepAlives = off
	return (&http.Client{Transport: tr}).Get(url)
}

func KeepAlivesOn(url string) (*http.Response, error) {
	return (&http.Client{Transport: &http.Transport{DisableKeepAlives: false}}).Get(url) // want `created on every call to KeepAlivesOn`
}

func NeverUsed() {
	tr := &http.Transport{}
	_ = tr.TLSClientConfig
}

var global *http.Transport

// Stored in a package variable on every call, it replaces the last one.
func StoredGlobally(url string) (*http.Response, error) {
	global = &http.Transport{} // want `created on every call to StoredGlobally, replacing the previous one`
	return (&http.Client{Transport: global}).Get(url)
}

// Stored there on the first call only, it is kept.
func StoredOnce(url string) (*http.Response, error) {
	if global == nil {
		global = &http.Transport{}
	}
	return (&http.Client{Transport: global}).Get(url)
}

// Two requests one after the other through the call's transport: the
// second may reuse the first's connection (aws-lambda-go's SIGTERM
// extension registers, then long-polls for events), but the next call
// makes a pool of its own: reported, saying so.
func getDrained(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func Subscribe(base string) {
	c := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()} // want `http.Transport cloned on every call to Subscribe \(no connection is reused by the next call; idle connections leak until IdleConnTimeout\)`
	if getDrained(c, base+"/register") == nil {
		go getDrained(c, base+"/next")
	}
}

func RegisterAndFetch(base string) error {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created on every call to RegisterAndFetch \(no connection is reused by the next call;`
	if err := getDrained(c, base+"/register"); err != nil {
		return err
	}
	return getDrained(c, base+"/fetch")
}

// One request on each branch: one per call.
func RegisterOrFetch(base string, fetch bool) error {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport created on every call to RegisterOrFetch \(no connection is reused;`
	if fetch {
		return getDrained(c, base+"/fetch")
	}
	return getDrained(c, base+"/register")
}

// Config is the package's configuration; nothing here sets NoKeepAlive.
type Config struct {
	Timeout     int
	NoKeepAlive bool
}

func ConfiguredKeepAlives(url string, cfg *Config) (*http.Response, error) {
	tr := &http.Transport{DisableKeepAlives: cfg.NoKeepAlive} // want `created on every call to ConfiguredKeepAlives`
	return (&http.Client{Transport: tr}).Get(url)
}

// Flags is set by the package's flag parsing: keep-alives may be off.
type Flags struct{ NoKeepAlive bool }

func (f *Flags) Parse(args []string) {
	f.NoKeepAlive = len(args) > 0 && args[0] == "-no-keepalive"
}

func FlaggedKeepAlives(url string, f *Flags) (*http.Response, error) {
	tr := &http.Transport{DisableKeepAlives: f.NoKeepAlive}
	return (&http.Client{Transport: tr}).Get(url)
}
