package aliases

import (
	"net/http"
	"time"
)

// An SDK whose client field holds http.DefaultClient when the caller gives
// none, and a client of its own from another constructor: a write through
// the field may be meant for the own one only (the analysis does not tell
// the instances apart), so it is left alone.
type SDK struct {
	HTTPClient *http.Client
}

func NewSDK(c *http.Client) *SDK {
	if c == nil {
		c = http.DefaultClient
	}
	return &SDK{HTTPClient: c}
}

func NewPooledSDK() *SDK {
	s := &SDK{HTTPClient: &http.Client{Transport: &http.Transport{}}}
	s.HTTPClient.Timeout = 10 * time.Second
	return s
}

// A field that only ever holds the default is written for it.
type Legacy struct {
	client *http.Client
}

func NewLegacy() *Legacy { return &Legacy{client: http.DefaultClient} }

func (l *Legacy) SetTimeout(d time.Duration) {
	l.client.Timeout = d // want `assignment to l.client.Timeout changes http.DefaultClient`
}
