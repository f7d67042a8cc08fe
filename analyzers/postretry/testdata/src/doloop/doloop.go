// Package doloop has API clients whose exported Do sends the request it is
// given again, in a loop, on a gateway status or when a predicate says so.
// Do's callers elsewhere are not seen, but the package's own methods that
// call it are: when one of them gives it a request with a body, the retries
// go out with the body the first attempt read.
package doloop

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"
)

// API retries on 502 to 504 and on transport errors.
type API struct {
	HTTP    *http.Client
	Retries int
}

func (a *API) Do(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i <= a.Retries; i++ {
		resp, err = a.HTTP.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if err == nil && resp.StatusCode < 502 {
			break
		}
		time.Sleep(time.Second)
	}
	return resp, err
}

// Create gives Do a request with a body it is handed.
func (a *API) Create(u string, doc io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, doc)
	if err != nil {
		return nil, err
	}
	return a.Do(req)
}

// Fetch sends no body.
func (a *API) Fetch(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return a.Do(req)
}

// Judged is retried as a predicate of the package's user decides; the
// predicate is asked, not trusted to rewind the body.
type Judged struct {
	HTTP  *http.Client
	Again func(*http.Request, *http.Response, error) bool
}

func (j *Judged) Do(req *http.Request) (*http.Response, error) {
	for {
		resp, err := j.HTTP.Do(req) // want `req is sent again by a retry loop after its body was consumed`
		if j.Again == nil || !j.Again(req, resp, err) {
			return resp, err
		}
	}
}

// Patch builds a rewindable body: Client.Do does not rewind it between
// sends all the same.
func (j *Judged) Patch(u, doc string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPatch, u, strings.NewReader(doc))
	if err != nil {
		return nil, err
	}
	return j.Do(req)
}

// Rewound is the good twin of API: each attempt after the first takes a
// fresh body from GetBody.
type Rewound struct {
	HTTP    *http.Client
	Retries int
}

func (r *Rewound) Do(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i <= r.Retries; i++ {
		if i > 0 && req.GetBody != nil {
			body, gerr := req.GetBody()
			if gerr != nil {
				return nil, gerr
			}
			req.Body = body
		}
		resp, err = r.HTTP.Do(req)
		if err == nil && resp.StatusCode < 502 {
			break
		}
	}
	return resp, err
}

func (r *Rewound) Create(u string, doc []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(doc))
	if err != nil {
		return nil, err
	}
	return r.Do(req)
}

// Reads is the good twin of Judged: the package only ever gives it
// requests without a body, and what callers elsewhere give it is not seen.
type Reads struct {
	HTTP *http.Client
}

func (r *Reads) Do(req *http.Request) (*http.Response, error) {
	for {
		resp, err := r.HTTP.Do(req)
		if err == nil || req.Context().Err() != nil {
			return resp, err
		}
	}
}

func (r *Reads) Get(u string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return r.Do(req)
}

// Handed is another good twin: the loop hands the request to a hook of
// the user's, which may replace its body, before each attempt.
type Handed struct {
	HTTP   *http.Client
	Before func(*http.Request)
}

func (h *Handed) Do(req *http.Request) (*http.Response, error) {
	for {
		h.Before(req)
		resp, err := h.HTTP.Do(req)
		if err == nil {
			return resp, nil
		}
	}
}

func (h *Handed) Create(u string, doc []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(doc))
	if err != nil {
		return nil, err
	}
	return h.Do(req)
}
