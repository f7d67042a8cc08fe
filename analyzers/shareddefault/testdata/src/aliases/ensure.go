package aliases

import (
	"net/http"
	"time"
)

// A client that falls back to the default and replaces it by one of its
// own before each write (luthermonson/go-proxmox v0.10.0).
type Proxmox struct {
	httpClient *http.Client
	timeout    time.Duration
	retry      bool
}

func WithHTTPClient(h *http.Client) func(*Proxmox) { return func(c *Proxmox) { c.httpClient = h } }

func NewProxmox(opts ...func(*Proxmox)) *Proxmox {
	c := &Proxmox{}
	for _, o := range opts {
		o(c)
	}
	if c.httpClient == nil {
		c.httpClient = http.DefaultClient
	}
	c.finalize()
	c.finalizeInline()
	c.nilOnly()
	c.onSomePaths()
	c.afterTheWrite()
	c.resetBetween()
	c.alwaysFresh()
	return c
}

// ensureOwn stores a client of its own when the field holds the default.
func (c *Proxmox) ensureOwn() {
	if c.httpClient == nil || c.httpClient == http.DefaultClient {
		c.httpClient = &http.Client{}
	}
}

// ensureNonNil leaves the default in place.
func (c *Proxmox) ensureNonNil() {
	if c.httpClient == nil {
		c.httpClient = &http.Client{}
	}
}

// The default is replaced before the write: quiet.
func (c *Proxmox) finalize() {
	if c.timeout > 0 {
		c.ensureOwn()
		c.httpClient.Timeout = c.timeout
	}
}

// The same replacement written in place: quiet.
func (c *Proxmox) finalizeInline() {
	if c.timeout > 0 {
		if c.httpClient != http.DefaultClient {
			c.httpClient.Timeout = c.timeout
			return
		}
		c.httpClient = &http.Client{}
		c.httpClient.Timeout = c.timeout
	}
}

// Replacing only nil keeps the default.
func (c *Proxmox) nilOnly() {
	c.ensureNonNil()
	c.httpClient.Timeout = c.timeout // want `c.httpClient.Timeout changes http.DefaultClient`
}

// The write on the path that skips the replacement reaches the default.
func (c *Proxmox) onSomePaths() {
	if c.retry {
		c.ensureOwn()
	}
	c.httpClient.Timeout = c.timeout // want `c.httpClient.Timeout changes http.DefaultClient`
}

// The replacement comes too late.
func (c *Proxmox) afterTheWrite() {
	c.httpClient.Timeout = c.timeout // want `c.httpClient.Timeout changes http.DefaultClient`
	c.ensureOwn()
}

// The default is put back between the replacement and the write.
func (c *Proxmox) resetBetween() {
	c.ensureOwn()
	c.httpClient = http.DefaultClient
	c.httpClient.Timeout = c.timeout // want `c.httpClient.Timeout changes http.DefaultClient`
}

// A replacement that stores a fresh client on every path: quiet.
func (c *Proxmox) alwaysFresh() {
	c.fresh()
	c.httpClient.Timeout = c.timeout
}

func (c *Proxmox) fresh() { c.httpClient = &http.Client{} }
